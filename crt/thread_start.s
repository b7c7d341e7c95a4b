# `libc.a` member of the p1-threads flavour: the entry point of new threads
# and the two places that must not touch the thread's stack, written in
# assembly because they set `__stack_pointer` or run after the last use of
# the stack (libc-core/src/thread.rs explains the protocol). A descriptor
# holds the stack top at offset 0 and the `done` word at offset 8.

	.globaltype	__stack_pointer, i32

	.functype	__wasm_libc_thread_main (i32, i32) -> ()
	.functype	__wasm_libc_thread_spawn_host (i32) -> (i32)

	.text

# wasi_thread_start(tid, desc): the host's entry point of a new thread.
	.globl	wasi_thread_start
	.export_name	wasi_thread_start, wasi_thread_start
	.type	wasi_thread_start,@function
wasi_thread_start:
	.functype	wasi_thread_start (i32, i32) -> ()
	local.get	1
	i32.load	0
	global.set	__stack_pointer
	local.get	0
	local.get	1
	call	__wasm_libc_thread_main
	# The stack is no longer used: the block may be freed from now on.
	local.get	1
	i32.const	1
	i32.atomic.store	8
	local.get	1
	i32.const	8
	i32.add
	i32.const	-1
	memory.atomic.notify	0
	drop
	end_function

# __wasm_libc_thread_spawn(desc) -> tid (negative: failure): the import
# (declared in threads.c), called from here so that linking a thread
# creation links the entry point above.
	.globl	__wasm_libc_thread_spawn
	.type	__wasm_libc_thread_spawn,@function
__wasm_libc_thread_spawn:
	.functype	__wasm_libc_thread_spawn (i32) -> (i32)
	local.get	0
	call	__wasm_libc_thread_spawn_host
	end_function

# __wasm_libc_thread_park(desc): `done`, then wait forever (pthread_exit).
	.globl	__wasm_libc_thread_park
	.type	__wasm_libc_thread_park,@function
__wasm_libc_thread_park:
	.functype	__wasm_libc_thread_park (i32) -> ()
	local.get	0
	i32.const	1
	i32.atomic.store	8
	local.get	0
	i32.const	8
	i32.add
	i32.const	-1
	memory.atomic.notify	0
	drop
	loop
	i32.const	__wasm_libc_park_word
	i32.const	0
	i64.const	-1
	memory.atomic.wait32	0
	drop
	br	0
	end_loop
	unreachable
	end_function
