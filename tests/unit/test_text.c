/* SPDX-License-Identifier: Apache-2.0
 * Tests for core/text.c: UTF-8 decode/encode/validate, SHA-256 vectors and
 * the string copy helpers. */
#include "check.h"
#include "cnkg/text.h"

int main(void) {
  char hex[65];
  cnkg_sha256_hex("", 0, hex);
  CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  cnkg_sha256_hex("abc", 3, hex);
  CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  cnkg_sha256_hex(m, strlen(m), hex);
  CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");

  const char *s = "村a\xe2\x82";  /* 村, a, truncated sequence */
  size_t i = 0, len = strlen(s);
  CHECK_EQ(cnkg_utf8_next(s, len, &i), 0x6751);
  CHECK_EQ(i, 3);
  CHECK_EQ(cnkg_utf8_next(s, len, &i), 'a');
  CHECK_EQ(cnkg_utf8_next(s, len, &i), 0xFFFD);
  CHECK_EQ(i, 5);
  CHECK(!cnkg_utf8_valid(s, len));
  CHECK(cnkg_utf8_valid("绥阳县\xef\xbf\xbd", 12));
  CHECK(!cnkg_utf8_valid("\xc0\xaf", 2));          /* overlong */
  CHECK(!cnkg_utf8_valid("\xed\xa0\x80", 3));      /* surrogate */
  CHECK_EQ(cnkg_utf8_count("绥阳县ab", 11), 5);
  char buf[4];
  CHECK_EQ(cnkg_utf8_encode(0x1F600, buf), 4);
  CHECK_EQ(cnkg_utf8_encode(0x6751, buf), 3);
  CHECK(memcmp(buf, "村", 3) == 0);
  CHECK(cnkg_utf8_char_in("、，,", "甲、乙", 3, 9));
  CHECK(!cnkg_utf8_char_in("、，,", "甲、乙", 0, 9));
  CHECK(!cnkg_utf8_char_in("、", "甲、", 6, 6));
  CHECK(cnkg_is_han(0x6751));
  CHECK(!cnkg_is_han('a'));
  char *j = cnkg_strjoin("乡村", "振兴");
  CHECK(j && strcmp(j, "乡村振兴") == 0);
  free(j);
  j = cnkg_strjoin("", "");
  CHECK(j && j[0] == '\0');
  free(j);
  char *d = cnkg_strndup("扶贫车间", 6);
  CHECK(d && strcmp(d, "扶贫") == 0);
  free(d);
  return check_finish();
}
