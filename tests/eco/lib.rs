//! Empty: this package only pins C sources to fetch (see Cargo.toml).
