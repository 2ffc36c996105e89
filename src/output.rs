//! Writing outputs: always atomically (a temporary file beside the target, then
//! a rename), so a failed or interrupted run never leaves a half-written file
//! and never touches an existing one.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written, so an interrupted run can remove them
/// ([`remove_in_flight`], called from the binary's signal handler).
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Process ids of child programs running for an output (Graphviz's `dot`).
static CHILDREN: Mutex<Vec<u32>> = Mutex::new(Vec::new());

/// Registers a running child process for the time it runs, so that an
/// interrupted run does not leave it behind.
pub struct Running(u32);

impl Running {
    pub fn new(pid: u32) -> Self {
        if let Ok(mut g) = CHILDREN.lock() {
            g.push(pid);
        }
        Running(pid)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(mut g) = CHILDREN.lock() {
            g.retain(|&p| p != self.0);
        }
    }
}

/// Kills every registered child process (see [`Running`]).
pub fn kill_children() {
    let pids = match CHILDREN.lock() {
        Ok(mut g) => std::mem::take(&mut *g),
        Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
    };
    for pid in pids {
        #[cfg(unix)]
        if let Ok(pid) = i32::try_from(pid) {
            // SAFETY: kill(2) on a child this process started and has not
            // yet waited for (Running is dropped only after the wait).
            unsafe {
                libc::kill(pid, libc::SIGKILL);
            }
        }
        #[cfg(not(unix))]
        let _ = pid;
    }
}

/// Kills the child programs still running for an output and removes every
/// temporary output file still being written. Safe to call from a signal
/// handler thread; a later rename of a removed file fails.
pub fn remove_in_flight() {
    kill_children();
    let paths = match IN_FLIGHT.lock() {
        Ok(mut g) => std::mem::take(&mut *g),
        Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
    };
    for p in paths {
        let _ = std::fs::remove_file(p);
    }
}

/// Registers a temporary file for the time it exists.
struct InFlight(PathBuf);

impl InFlight {
    fn new(path: &Path) -> Self {
        if let Ok(mut g) = IN_FLIGHT.lock() {
            g.push(path.to_path_buf());
        }
        InFlight(path.to_path_buf())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Ok(mut g) = IN_FLIGHT.lock() {
            g.retain(|p| p != &self.0);
        }
    }
}

/// Writes `bytes` to `path` atomically. The temporary file lives in the
/// target's directory (so the rename stays on one file system) and is removed
/// if anything fails.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Like [`write_atomic`], with the content produced by `fill` writing into a
/// buffered writer (so a large output is never held in memory whole).
pub fn write_atomic_with(path: &Path, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    if path.is_dir() {
        return Err(err(std::io::Error::other("it is a directory")));
    }
    // A device or pipe (/dev/null, /dev/stdout, a FIFO) cannot be replaced by a
    // rename: write to it directly.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|f| {
                let mut w = std::io::BufWriter::new(f);
                fill(&mut w)?;
                w.flush()
            })
            .map_err(err);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".claimgraph-")
        .suffix(".tmp")
        .tempfile_in(dir)
        // tempfile names its random temporary file in the error: the user
        // gave `path`, which `Error::Write` names, so keep only the cause.
        .map_err(|e| err(without_temporary_name(e)))?;
    let _registered = InFlight::new(tmp.path());
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut w).map_err(err)?;
        w.flush().map_err(err)?;
    }
    // A temporary file is private (0600); the output gets the existing file's
    // permissions, or the usual ones for a new file.
    let permissions = match std::fs::metadata(path) {
        Ok(m) => Some(m.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(p) = permissions {
        tmp.as_file().set_permissions(p).map_err(err)?;
    }
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// The operating system's error without the temporary file's name that
/// tempfile appends to it (" at path \"…/.claimgraph-XXXX.tmp\"").
fn without_temporary_name(e: std::io::Error) -> std::io::Error {
    let text = e.to_string();
    match text.rfind(" at path ") {
        Some(i) => std::io::Error::new(e.kind(), text[..i].to_string()),
        None => e,
    }
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_and_existing_modes_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        write_atomic(&p, b"one").unwrap();
        assert_eq!(std::fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o644);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn device_is_written_not_replaced() {
        write_atomic(Path::new("/dev/null"), b"x").unwrap();
        assert!(!std::fs::metadata("/dev/null").unwrap().is_file());
    }

    #[test]
    fn missing_directory_is_an_error_naming_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("no/such/dir/out.txt");
        let e = write_atomic(&p, b"x").unwrap_err();
        assert!(e.to_string().contains("out.txt"), "{e}");
        assert!(!e.to_string().contains(".claimgraph-"), "no temporary name: {e}");
    }
}
