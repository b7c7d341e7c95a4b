/* crypt/crypt_r: MD5 ($1$), SHA-256 ($5$) and SHA-512 ($6$) hashes of
 * generated keys and settings (tests/c/gen/gen_crypt.py, fixed seed).
 * Expected output from the host's libcrypt (glibc/libxcrypt), written by
 * the generator. */
#include <crypt.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static const char *const cases[][2] = {
  {"", "$1$4BaR"},
  {"", "$5$QCMJNBUci/"},
  {"", "$6$jMRr"},
  {"a", "$1$UUf"},
  {"a", "$5$mvaOCI7U7B"},
  {"a", "$6$OE3Xic6"},
  {"password", "$1$Bfpi"},
  {"password", "$5$iYD"},
  {"password", "$6$EK0sRcPrOPn"},
  {"Hello world!", "$1$k5NTuhc"},
  {"Hello world!", "$5$ZPURROTTOwa3BqG/"},
  {"Hello world!", "$6$fmb6T93C"},
  {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "$1$KJkc"},
  {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "$5$vICi"},
  {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "$6$13nI"},
  {"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", "$1$.9mqMc"},
  {"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", "$5$BUX08f"},
  {"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", "$6$8/VEtOei"},
  {"\xe9t\xe9", "$1$OdO"},
  {"\xe9t\xe9", "$5$SP.lKiVD"},
  {"\xe9t\xe9", "$6$0StyLCgQ"},
  {"long key with spaces 0123456789", "$1$N"},
  {"long key with spaces 0123456789", "$5$Y0bo2q9QcGE1hsT."},
  {"long key with spaces 0123456789", "$6$P"},
  {"ew99sf3wzAbcgC#owf2v95AmCkoBA74m5Btr", "$1$VGQ6DVbT"},
  {"ew99sf3wzAbcgC#owf2v95AmCkoBA74m5Btr", "$5$"},
  {"ew99sf3wzAbcgC#owf2v95AmCkoBA74m5Btr", "$6$fd"},
  {"oA14jtt8#1z!gxiqjve6zkA@#B0s!ju@n", "$1$e7g"},
  {"oA14jtt8#1z!gxiqjve6zkA@#B0s!ju@n", "$5$yTNHkI1"},
  {"oA14jtt8#1z!gxiqjve6zkA@#B0s!ju@n", "$6$WitzWWdg8"},
  {"abzA6iBjsadc#tha@4", "$1$H1RRy"},
  {"abzA6iBjsadc#tha@4", "$5$"},
  {"abzA6iBjsadc#tha@4", "$6$jS1.p"},
  {"c3aj", "$1$1RIL4"},
  {"c3aj", "$5$foa2EahyxXkis"},
  {"c3aj", "$6$k375XYuW1d"},
  {"Cxoebmq2bimh", "$1$"},
  {"Cxoebmq2bimh", "$5$LtT0vfVazeG"},
  {"Cxoebmq2bimh", "$6$0g3b63J"},
  {"c#yomn@5pvo", "$1$vTH"},
  {"c#yomn@5pvo", "$5$E"},
  {"c#yomn@5pvo", "$6$PS/hDpb35dz"},
  {"!", "$1$"},
  {"!", "$5$c"},
  {"!", "$6$p2CTHNbuEv"},
  {"7quoAduA", "$1$Z/6mJh"},
  {"7quoAduA", "$5$MjH1.Oa55QX"},
  {"7quoAduA", "$6$ylj7U02qrd"},
  {"7ksAhBdyA2buyijkw!1", "$1$2hoWk"},
  {"7ksAhBdyA2buyijkw!1", "$5$2xWNk5z"},
  {"7ksAhBdyA2buyijkw!1", "$6$GfgCsKWZdB"},
  {"#3fum1cCo8oCl#3#vklc@0d@60", "$1$pY5n."},
  {"#3fum1cCo8oCl#3#vklc@0d@60", "$5$Hi"},
  {"#3fum1cCo8oCl#3#vklc@0d@60", "$6$"},
  {"Hello world!", "$5$saltstring"},
  {"Hello world!", "$5$rounds=10000$saltstringsaltstring"},
  {"This is just a test", "$5$rounds=5000$toolongsaltstring"},
  {"a very much longer text to encrypt.  This one even stretches over morethan one line.", "$5$rounds=1400$anotherlongsaltstring"},
  {"we have a short salt string but not a short password", "$5$rounds=7777$short"},
  {"a short string", "$5$rounds=12345$asaltof16chars.."},
  {"Hello world!", "$6$saltstring"},
  {"Hello world!", "$6$rounds=10000$saltstringsaltstring"},
  {"This is just a test", "$6$rounds=5000$toolongsaltstring"},
  {"x", "$6$abc$"},
  {"x", "$6$abc$morestuff"},
  {"x", "$1$abcdefghijk"},
  {"x", "$1$ab$cd"},
  {"x", "$5$rounds=1000$"},
  {"pw", "$6$rounds=2000$GtBQbavJyX88dQXi"},
};

int main(void) {
  static struct crypt_data d;
  for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *h = crypt(cases[i][0], cases[i][1]);
    check_puts(h ? h : "(null)"); check_puts("\n");
    memset(&d, 0, sizeof d);
    const char *h2 = crypt_r(cases[i][0], cases[i][1], &d);
    if (!h || !h2 || strcmp(h, h2)) check_puts("crypt_r differs\n");
  }
  return 0;
}
