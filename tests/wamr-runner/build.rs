//! wamr-sys 0.1.1 links WAMR as a shared library that uses libm but was
//! built without `-lm`: the executable must bring it, even though nothing
//! in the executable itself calls it (hence `--no-as-needed`).
fn main() {
    println!("cargo:rustc-link-arg=-Wl,--push-state,--no-as-needed,-lm,--pop-state");
}
