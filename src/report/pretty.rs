//! Pretty JSON written piecewise: serde_json's two-space layout, starting at any depth, so a
//! report can be written one element at a time (and documents rendered on worker threads) and
//! still come out byte for byte as one `to_writer_pretty` of the whole report would.

use std::io::{self, Write};

use serde::Serialize;

/// How much JSON [`Gathered`] collects before passing it on.
const CHUNK: usize = 64 * 1024;

/// Writes `value` pretty-printed with every line after the first indented by `indent` spaces
/// (an even number), as it stands at that depth of the report. The JSON goes through `buf` a
/// chunk at a time: a field that lists every document is never held whole as one string.
pub fn nested(
    out: &mut dyn Write,
    buf: &mut Vec<u8>,
    value: &impl Serialize,
    indent: usize,
) -> io::Result<()> {
    let mut gathered = Gathered { out, buf };
    serialize(&mut gathered, value, indent)?;
    gathered.drain()
}

pub fn serialize(out: impl Write, value: &impl Serialize, indent: usize) -> io::Result<()> {
    let formatter = Pretty {
        depth: indent / 2,
        has_value: false,
    };
    value.serialize(&mut serde_json::Serializer::with_formatter(out, formatter))?;
    Ok(())
}

/// serde_json's `PrettyFormatter` (two spaces per level) starting at a given depth, so a value
/// comes out indented as it stands inside the report without a second pass over its bytes.
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    fn new_line<W: ?Sized + Write>(&self, out: &mut W, first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(out)
    }

    fn indent<W: ?Sized + Write>(&self, out: &mut W) -> io::Result<()> {
        const SPACES: &[u8] = &[b' '; 64];
        let mut n = self.depth * 2;
        while n > 0 {
            let k = n.min(SPACES.len());
            out.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            self.indent(out)?;
        }
        out.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.new_line(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.new_line(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Gathers serde_json's many small writes in `buf` and passes them on a chunk at a time.
struct Gathered<'o> {
    out: &'o mut dyn Write,
    buf: &'o mut Vec<u8>,
}

impl Gathered<'_> {
    fn drain(&mut self) -> io::Result<()> {
        self.out.write_all(self.buf)?;
        self.buf.clear();
        Ok(())
    }
}

impl Write for Gathered<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= CHUNK {
            self.drain()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.drain()?;
        self.out.flush()
    }
}

/// Writes a top-level array one element at a time (as `to_writer_pretty` lays it out at depth
/// one), so no whole section is ever held as one string.
pub fn array<T: Serialize>(
    out: &mut dyn Write,
    buf: &mut Vec<u8>,
    items: impl Iterator<Item = T>,
) -> io::Result<()> {
    let mut empty = true;
    for item in items {
        out.write_all(if empty { b"[\n    " } else { b",\n    " })?;
        nested(out, buf, &item, 4)?;
        empty = false;
    }
    out.write_all(if empty { b"[]" } else { b"\n  ]" })
}
