//! Wide stdio: `fwide`, `fgetwc`/`fputwc` and friends, the wide printf and
//! scanf families.
