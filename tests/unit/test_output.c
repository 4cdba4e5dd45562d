/* SPDX-License-Identifier: Apache-2.0
 * Tests the output abstraction: memory growth, sticky errors, /dev/full
 * failing at close, atomic file replacement leaving no temporary behind.
 * Depends on output.h and check.h. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cnkg/output.h"

static size_t count_temporaries(const char *dir, const char *base) {
  DIR *d = opendir(dir);
  size_t n = 0;
  if (!d) return 0;
  char prefix[256];
  snprintf(prefix, sizeof prefix, ".%s.", base);
  for (struct dirent *e; (e = readdir(d));)
    if (strncmp(e->d_name, prefix, strlen(prefix)) == 0) n++;
  closedir(d);
  return n;
}

static void test_memory(void) {
  CnkgOutput *o = NULL;
  CHECK_EQ(cnkg_output_new_memory(&o), CNKG_SUCCESS);
  for (int i = 0; i < 2000; i++) CHECK_EQ(cnkg_output_puts(o, "abcdef"), 0);
  size_t len = 0;
  const char *m = cnkg_output_memory(o, &len);
  CHECK_EQ(len, 12000);
  CHECK(m && m[len] == '\0' && memcmp(m, "abcdefabcdef", 12) == 0);
  CHECK_EQ(cnkg_output_close(o), CNKG_SUCCESS);
  /* Writing after close is a caller bug; the error then sticks. */
  CHECK_EQ(cnkg_output_puts(o, "x"), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_output_puts(o, "y"), CNKG_ERR_ARG);
  cnkg_output_free(o);
  cnkg_output_free(NULL);
}

static void test_dev_full(void) {
  if (access("/dev/full", W_OK) != 0) return;
  CnkgOutput *o = NULL;
  char msg[256];
  CHECK_EQ(cnkg_output_new_file("/dev/full", &o, msg, sizeof msg), 0);
  CHECK(o != NULL);
  (void)cnkg_output_puts(o, "some bytes that cannot be written\n");
  CHECK_EQ(cnkg_output_close(o), CNKG_ERR_WRITE);
  CHECK_EQ(cnkg_output_puts(o, "more"), CNKG_ERR_WRITE);
  cnkg_output_free(o);
  /* Large writes fail already during writing and the error sticks. */
  CHECK_EQ(cnkg_output_new_file("/dev/full", &o, msg, sizeof msg), 0);
  char big[65536];
  memset(big, 'x', sizeof big);
  CnkgStatus s = CNKG_SUCCESS;
  for (int i = 0; i < 4 && !s; i++) s = cnkg_output_write(o, big, sizeof big);
  CHECK_EQ(s, CNKG_ERR_WRITE);
  CHECK_EQ(cnkg_output_close(o), CNKG_ERR_WRITE);
  cnkg_output_free(o);
}

static void test_atomic(void) {
  char dir[] = "/tmp/cnkg-test-output-XXXXXX";
  if (!mkdtemp(dir)) {
    CHECK(!"mkdtemp");
    return;
  }
  char path[512];
  snprintf(path, sizeof path, "%s/out.ttl", dir);
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  if (f) {
    fputs("old contents\n", f);
    fclose(f);
  }
  CnkgOutput *o = NULL;
  char msg[256];
  CHECK_EQ(cnkg_output_new_file(path, &o, msg, sizeof msg), CNKG_SUCCESS);
  CHECK_EQ(count_temporaries(dir, "out.ttl"), 1);
  CHECK_EQ(cnkg_output_puts(o, "new "), 0);
  /* Until close, the target keeps its old bytes. */
  size_t len = 0;
  char *before = check_read_file(path, &len);
  CHECK_STR(before, "old contents\n");
  free(before);
  CHECK_EQ(cnkg_output_puts(o, "contents\n"), 0);
  CHECK_EQ(cnkg_output_close(o), CNKG_SUCCESS);
  cnkg_output_free(o);
  char *after = check_read_file(path, &len);
  CHECK_STR(after, "new contents\n");
  free(after);
  CHECK_EQ(count_temporaries(dir, "out.ttl"), 0);

  /* An abandoned output leaves the target alone and removes its temporary. */
  CHECK_EQ(cnkg_output_new_file(path, &o, msg, sizeof msg), CNKG_SUCCESS);
  CHECK_EQ(cnkg_output_puts(o, "half"), 0);
  cnkg_output_free(o);
  after = check_read_file(path, &len);
  CHECK_STR(after, "new contents\n");
  free(after);
  CHECK_EQ(count_temporaries(dir, "out.ttl"), 0);

  /* A directory that does not exist: an error with a message. */
  char bad[600];
  snprintf(bad, sizeof bad, "%s/no/such/dir/x.ttl", dir);
  CHECK_EQ(cnkg_output_new_file(bad, &o, msg, sizeof msg), CNKG_ERR_WRITE);
  CHECK(o == NULL);
  CHECK(strstr(msg, "x.ttl") != NULL);
  unlink(path);
  rmdir(dir);
}

static void test_stream(void) {
  CnkgOutput *o = NULL;
  CHECK_EQ(cnkg_output_new_file("-", &o, NULL, 0), CNKG_SUCCESS);
  CHECK_EQ(cnkg_output_close(o), CNKG_SUCCESS);
  cnkg_output_free(o);
  CHECK_EQ(cnkg_output_new_stream(NULL, &o), CNKG_ERR_ARG);
}

static void test_dir_of(void) {
  static const char *const cases[][2] = {
      {"g.nt", "."}, {"/g.nt", "/"}, {"out/g.nt", "out"}, {"/a/b/g.nt", "/a/b"}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *d = cnkg_output_dir_of(cases[i][0]);
    CHECK(d != NULL);
    if (d) CHECK_STR(d, cases[i][1]);
    free(d);
  }
}

int main(void) {
  test_memory();
  test_dev_full();
  test_atomic();
  test_stream();
  test_dir_of();
  return check_finish();
}
