/* SPDX-License-Identifier: Apache-2.0
 * Tests the output abstraction: memory growth, sticky errors, /dev/full
 * failing at close, atomic file replacement leaving no temporary behind,
 * symbolic links written through, modes kept, names up to NAME_MAX, and
 * the removal of temporaries a signal handler does. Depends on output.h,
 * log.h (escaping) and check.h. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "cnkg/log.h"
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
    CHECK(0 && "mkdtemp");
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

/* A file large enough to be handed to the disk while it is written (every
 * 8 MiB) holds every byte in order, and the target keeps its old bytes
 * until close. */
static void test_atomic_large(void) {
  char dir[] = "/tmp/cnkg-test-output-XXXXXX";
  if (!mkdtemp(dir)) {
    CHECK(0 && "mkdtemp");
    return;
  }
  char path[512], msg[256];
  snprintf(path, sizeof path, "%s/big.nt", dir);
  CnkgOutput *o = NULL;
  CHECK_EQ(cnkg_output_new_file(path, &o, msg, sizeof msg), CNKG_SUCCESS);
  if (!o) return;
  static char chunk[65521]; /* a prime size: chunks straddle every step */
  size_t total = 0, n_chunks = (20u << 20) / sizeof chunk;
  for (size_t k = 0; k < n_chunks; k++) {
    for (size_t i = 0; i < sizeof chunk; i++) chunk[i] = (char)('a' + (total + i) % 23);
    CHECK_EQ(cnkg_output_write(o, chunk, sizeof chunk), CNKG_SUCCESS);
    total += sizeof chunk;
  }
  CHECK(access(path, F_OK) != 0); /* not there until close */
  CHECK_EQ(cnkg_output_close(o), CNKG_SUCCESS);
  cnkg_output_free(o);
  size_t len = 0;
  char *got = check_read_file(path, &len);
  CHECK_EQ(len, total);
  size_t bad = 0;
  for (size_t i = 0; got && i < len; i++) bad += got[i] != (char)('a' + i % 23);
  CHECK_EQ(bad, 0);
  free(got);
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

/* Writes text to path through an atomic output; the status of close. */
static CnkgStatus write_file(const char *path, const char *text) {
  CnkgOutput *o = NULL;
  char msg[256];
  CnkgStatus s = cnkg_output_new_file(path, &o, msg, sizeof msg);
  if (!s) s = cnkg_output_puts(o, text);
  if (!s) s = cnkg_output_close(o);
  cnkg_output_free(o);
  return s;
}

static void test_links_modes_names(void) {
  char dir[] = "/tmp/cnkg-test-output-XXXXXX";
  if (!mkdtemp(dir)) {
    CHECK(0 && "mkdtemp");
    return;
  }
  char real[600], link[600], chain[600], dangling[600], target[600], p[900];
  snprintf(real, sizeof real, "%s/real.nt", dir);
  snprintf(link, sizeof link, "%s/link.nt", dir);
  snprintf(chain, sizeof chain, "%s/chain.nt", dir);
  snprintf(dangling, sizeof dangling, "%s/dangling.nt", dir);
  snprintf(target, sizeof target, "%s/target.nt", dir);
  CHECK_EQ(write_file(real, "old\n"), CNKG_SUCCESS);
  CHECK(symlink("real.nt", link) == 0);
  CHECK(symlink("link.nt", chain) == 0);
  /* through two links: the link stays, the file at the end changes */
  CHECK_EQ(write_file(chain, "new\n"), CNKG_SUCCESS);
  struct stat st;
  CHECK(lstat(chain, &st) == 0 && S_ISLNK(st.st_mode));
  CHECK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
  size_t len;
  char *got = check_read_file(real, &len);
  CHECK_STR(got, "new\n");
  free(got);
  CHECK_EQ(count_temporaries(dir, "real.nt"), 0);
  CHECK_EQ(count_temporaries(dir, "chain.nt"), 0);
  /* a link to nothing yet: the target is made, the link kept */
  CHECK(symlink("target.nt", dangling) == 0);
  CHECK_EQ(write_file(dangling, "x\n"), CNKG_SUCCESS);
  CHECK(lstat(dangling, &st) == 0 && S_ISLNK(st.st_mode));
  CHECK(stat(target, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 2);

  /* an existing file keeps its mode; a new one gets 0666 & ~umask */
  CHECK(chmod(real, 0600) == 0);
  CHECK_EQ(write_file(real, "again\n"), CNKG_SUCCESS);
  CHECK(stat(real, &st) == 0 && (st.st_mode & 07777) == 0600);
  CHECK(chmod(real, 0751) == 0);
  CHECK_EQ(write_file(real, "again\n"), CNKG_SUCCESS);
  CHECK(stat(real, &st) == 0 && (st.st_mode & 07777) == 0751);
  CHECK(chmod(real, 04755) == 0); /* a set-user-ID bit is not carried over */
  CHECK_EQ(write_file(real, "again\n"), CNKG_SUCCESS);
  CHECK(stat(real, &st) == 0 && (st.st_mode & 07777) == 0755);
  mode_t old = umask(027);
  snprintf(p, sizeof p, "%s/fresh.nt", dir);
  CHECK_EQ(write_file(p, "x"), CNKG_SUCCESS);
  umask(old);
  CHECK(stat(p, &st) == 0 && (st.st_mode & 07777) == 0640);
  unlink(p);

  /* names up to NAME_MAX bytes, ASCII and multi-byte */
  for (size_t n = 240; n <= 255; n++) {
    int at = snprintf(p, sizeof p, "%s/", dir);
    for (size_t i = 0; i < n; i++) p[(size_t)at + i] = 'n';
    p[(size_t)at + n] = '\0';
    CHECK_EQ(write_file(p, "x"), CNKG_SUCCESS);
    CHECK(access(p, F_OK) == 0);
    unlink(p);
  }
  int at = snprintf(p, sizeof p, "%s/", dir);
  for (int i = 0; i < 85; i++) memcpy(p + at + 3 * i, "\xe5\x9b\xbe", 3); /* 255 bytes */
  p[at + 255] = '\0';
  CHECK_EQ(write_file(p, "x"), CNKG_SUCCESS);
  CHECK(access(p, F_OK) == 0);
  unlink(p);
  /* one byte more is refused at once, with a message */
  at = snprintf(p, sizeof p, "%s/", dir);
  memset(p + at, 'n', 256);
  p[at + 256] = '\0';
  CnkgOutput *o = NULL;
  char msg[1024];
  CHECK_EQ(cnkg_output_new_file(p, &o, msg, sizeof msg), CNKG_ERR_WRITE);
  CHECK(o == NULL && strstr(msg, "File name too long") != NULL);
  CHECK_EQ(count_temporaries(dir, "nnnnnnnn"), 0);

  /* a directory is no output file */
  CHECK_EQ(cnkg_output_new_file(dir, &o, msg, sizeof msg), CNKG_ERR_WRITE);
  CHECK(strstr(msg, "Is a directory") != NULL);

  unlink(real);
  unlink(link);
  unlink(chain);
  unlink(dangling);
  unlink(target);
  CHECK_EQ(rmdir(dir), 0);
}

/* What a signal handler does: every open output's temporary goes, the
 * targets stay as they were. */
static void test_remove_temporaries(void) {
  char dir[] = "/tmp/cnkg-test-output-XXXXXX";
  if (!mkdtemp(dir)) {
    CHECK(0 && "mkdtemp");
    return;
  }
  char a[600], b[600];
  snprintf(a, sizeof a, "%s/a.ttl", dir);
  snprintf(b, sizeof b, "%s/b.ttl", dir);
  CHECK_EQ(write_file(a, "kept\n"), CNKG_SUCCESS);
  CnkgOutput *oa = NULL, *ob = NULL;
  char msg[256];
  CHECK_EQ(cnkg_output_new_file(a, &oa, msg, sizeof msg), CNKG_SUCCESS);
  CHECK_EQ(cnkg_output_new_file(b, &ob, msg, sizeof msg), CNKG_SUCCESS);
  CHECK_EQ(cnkg_output_puts(oa, "half"), 0);
  CHECK_EQ(count_temporaries(dir, "a.ttl") + count_temporaries(dir, "b.ttl"), 2);
  cnkg_output_remove_temporaries();
  CHECK_EQ(count_temporaries(dir, "a.ttl") + count_temporaries(dir, "b.ttl"), 0);
  size_t len;
  char *got = check_read_file(a, &len);
  CHECK_STR(got, "kept\n");
  free(got);
  CHECK(access(b, F_OK) != 0);
  cnkg_output_free(oa);
  cnkg_output_free(ob);
  /* closed outputs are no longer listed: their files stay */
  CHECK_EQ(write_file(b, "done\n"), CNKG_SUCCESS);
  cnkg_output_remove_temporaries();
  CHECK(access(b, F_OK) == 0);
  unlink(a);
  unlink(b);
  CHECK_EQ(rmdir(dir), 0);
}

static void test_escape(void) {
  static const struct {
    const char *in, *out;
  } cases[] = {
      {"plain 中文 text", "plain 中文 text"},
      {"a\x1b]0;t\x07" "b\rc\nd\te\x7f", "a\\x1b]0;t\\x07b\\x0dc\\x0ad\\x09e\\x7f"},
      {"\xc2\x9b" "2J", "\\u009b2J"},                   /* C1 CSI */
      {"ab\xe2\x80\xae" "cd", "ab\\u202e" "cd"},             /* right-to-left override */
      {"bad\xff\xfe\xc3(", "bad\\xff\\xfe\\xc3("},      /* not UTF-8 */
      {"\xef\xbf\xbd ok", "\xef\xbf\xbd ok"},              /* a real U+FFFD stays */
      {"\xed\xa0\x80", "\\xed\\xa0\\x80"},                /* a surrogate is no character */
  };
  char buf[128];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    size_t n = strlen(cases[i].in);
    CHECK_EQ(cnkg_log_escape(cases[i].in, n, buf, sizeof buf), n);
    CHECK_STR(buf, cases[i].out);
  }
  /* a small buffer: never a cut escape or character; the rest resumes */
  const char *s = "\x1b\x1b中";
  size_t used = cnkg_log_escape(s, strlen(s), buf, 7);
  CHECK_EQ(used, 1);
  CHECK_STR(buf, "\\x1b");
  used = cnkg_log_escape(s + 1, strlen(s) - 1, buf, 7);
  CHECK_EQ(used, 1);
  used = cnkg_log_escape(s + 2, strlen(s) - 2, buf, 3);
  CHECK_EQ(used, 0);
  CHECK_STR(buf, "");
}

int main(void) {
  test_memory();
  test_dev_full();
  test_atomic();
  test_atomic_large();
  test_stream();
  test_dir_of();
  test_links_modes_names();
  test_remove_temporaries();
  test_escape();
  return check_finish();
}
