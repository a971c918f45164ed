//! The HTML report (being written).

use crate::run::Run;

/// Writes the HTML report.
pub fn write(run: &Run, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let _ = run;
    out.write_all(b"")
}
