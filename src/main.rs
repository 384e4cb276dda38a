//! The `kg` binary: parses arguments, runs the command, prints one clear line per failure.

mod cli;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of glibc's allocator: oxigraph's bulk loader and store reads allocate and free millions of
/// small strings and keys, and glibc's free (chunk coalescing) took a quarter of `kg load`'s time; with
/// mimalloc a load of 10^5 facts with provenance needs ~35% less CPU. Its `override` feature makes it `malloc`
/// too, which is required: oxigraph frees strings that RocksDB allocated (error messages) with the Rust
/// allocator, so both must be the same one.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's option numbers (its `mi_option_e`, v3), for the options the sys crate does not name.
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const MI_OPTION_ALLOW_LARGE_OS_PAGES: libmimalloc_sys::mi_option_t = 6;
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Returns freed memory to the system at once and keeps transparent huge pages out: the analysis frees
/// large buffers per batch, and with mimalloc's defaults (delayed purging, eagerly committed arenas that the
/// kernel backs with 2 MB pages) its peak resident memory grew by half (101 -> 149 MB on the benchmark
/// corpus) with no gain in speed. The first arena is reserved before `main`, so huge pages are refused for
/// the process (checked by the kernel at each page fault) rather than through mimalloc's option.
#[allow(unsafe_code)]
fn tune_allocator() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and only sets a flag of this process; a
    // failure (an old kernel) leaves the default, which is harmless.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    for (option, value) in [
        (MI_OPTION_PURGE_DELAY, 0),
        (MI_OPTION_ARENA_EAGER_COMMIT, 0),
        (MI_OPTION_ALLOW_LARGE_OS_PAGES, 0),
    ] {
        // SAFETY: mi_option_set only stores an integer in mimalloc's option table; the options named here
        // exist in the vendored mimalloc (v3) and are read when memory is next committed or purged.
        unsafe { libmimalloc_sys::mi_option_set(option, value) };
    }
}

fn main() -> ExitCode {
    tune_allocator();
    let args = cli::args::Cli::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A closed pipe (`kg ... | head`) is not a failure.
            if err
                .chain()
                .filter_map(|e| e.downcast_ref::<std::io::Error>())
                .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("kg: error: {}", one_line(&err));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, leaving out a cause whose text an outer message already quotes
/// (library errors often print their cause themselves).
fn one_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}
