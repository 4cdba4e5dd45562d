/* SPDX-License-Identifier: Apache-2.0
 * cnkg command-line entry point (placeholder until the CLI lands). */
#include <stdio.h>
int main(void) { puts("cnkg"); return 0; }
