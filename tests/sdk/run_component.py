"""Calls a p2 component's `wasi:cli/run@0.2.0#run` through wasmtime's
component API (wasmtime-py) and prints what the embedder sees."""
import sys

import wasmtime
from wasmtime import component

engine = wasmtime.Engine()
comp = component.Component.from_file(engine, sys.argv[1])
linker = component.Linker(engine)
linker.add_wasip2()
store = wasmtime.Store(engine)
wasi = wasmtime.WasiConfig()
wasi.inherit_stdout()
wasi.argv = sys.argv[1:]
store.set_wasi(wasi)
inst = linker.instantiate(store, comp)
run_iface = inst.get_export_index(store, "wasi:cli/run@0.2.0")
run = inst.get_func(store, inst.get_export_index(store, "run", run_iface))
try:
    print("run returned", run(store).tag, flush=True)
except wasmtime.ExitTrap as e:
    print("run exited with status", e.code, flush=True)
