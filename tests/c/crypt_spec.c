/* crypt: the test vectors of Drepper's SHA-crypt specification
 * (https://www.akkadia.org/drepper/SHA-crypt.txt) where rounds=10 is raised
 * to the minimum 1000 (libxcrypt rejects these settings instead, so
 * crypt.c cannot take them from the host), and the unsupported methods:
 * DES and bcrypt salts fail with ENOSYS, as do encrypt/setkey. Hand-checked
 * (the two hashes equal the host libcrypt's for an explicit rounds=1000). */
#include <crypt.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "check.h"


int main(void) {
  CHECK(strcmp(crypt("the minimum number is still observed", "$5$rounds=10$roundstoolow"),
               "$5$rounds=1000$roundstoolow$yfvwcWrQ8l/K0DAWyuPMDNHpIVlTQebY9l/gL972bIC") == 0);
  CHECK(strcmp(crypt("the minimum number is still observed", "$6$rounds=10$roundstoolow"),
               "$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1xhLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX.") == 0);
  errno = 0;
  CHECK(crypt("x", "ab") == 0 && errno == ENOSYS);
  errno = 0;
  CHECK(crypt("x", "$2b$05$abcdefghijklmnopqrstuu") == 0 && errno == ENOSYS);
  char block[64] = {0};
  errno = 0;
  setkey(block);
  CHECK(errno == ENOSYS);
  errno = 0;
  encrypt(block, 0);
  CHECK(errno == ENOSYS);
  return CHECK_DONE();
}
