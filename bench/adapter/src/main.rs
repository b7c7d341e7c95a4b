//! `bench-adapter OUT.wasm`: writes wasmtime's `wasi_snapshot_preview1`
//! command adapter, as shipped by `wasi-preview1-component-adapter-provider`.
fn main() {
    let out = std::env::args().nth(1).expect("usage: bench-adapter OUT.wasm");
    std::fs::write(
        &out,
        wasi_preview1_component_adapter_provider::WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER,
    )
    .expect("write adapter");
}
