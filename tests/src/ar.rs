//! Reading the members of an `ar` archive (GNU and BSD name variants, as
//! written by llvm-ar and rustc). Unlike `ar x`, members that share a name
//! are all kept.

use crate::Result;

/// One archive member.
pub struct Member<'a> {
    pub name: String,
    pub data: &'a [u8],
}

/// The members of `archive`, in order, without the symbol index and the
/// long-name table.
pub fn members(archive: &[u8]) -> Result<Vec<Member<'_>>> {
    const MAGIC: &[u8] = b"!<arch>\n";
    if !archive.starts_with(MAGIC) {
        return Err("not an ar archive".into());
    }
    let mut pos = MAGIC.len();
    let mut long_names: &[u8] = &[];
    let mut out = Vec::new();
    while pos + 60 <= archive.len() {
        let h = &archive[pos..pos + 60];
        if &h[58..60] != b"`\n" {
            return Err(format!("bad member header at offset {pos}"));
        }
        let field = |a: usize, b: usize| String::from_utf8_lossy(&h[a..b]).trim_end().to_string();
        let raw_name = field(0, 16);
        let size: usize = field(48, 58)
            .parse()
            .map_err(|_| format!("bad member size at offset {pos}"))?;
        let start = pos + 60;
        let end = start
            .checked_add(size)
            .filter(|e| *e <= archive.len())
            .ok_or("truncated archive")?;
        let mut data = &archive[start..end];
        pos = end + (size & 1);
        let name = if raw_name == "/" || raw_name == "/SYM64/" || raw_name == "__.SYMDEF" {
            continue;
        } else if raw_name == "//" {
            long_names = data;
            continue;
        } else if let Some(off) = raw_name.strip_prefix('/') {
            // GNU long name: offset into the `//` table, ended by "/\n".
            let off: usize = off.parse().map_err(|_| format!("bad name {raw_name}"))?;
            let rest = long_names.get(off..).ok_or("bad long-name offset")?;
            let len = rest.iter().position(|c| *c == b'\n').unwrap_or(rest.len());
            let n = String::from_utf8_lossy(&rest[..len]).to_string();
            n.strip_suffix('/').map(str::to_string).unwrap_or(n)
        } else if let Some(len) = raw_name.strip_prefix("#1/") {
            // BSD long name: stored at the start of the data.
            let len: usize = len.parse().map_err(|_| format!("bad name {raw_name}"))?;
            let n = data.get(..len).ok_or("truncated BSD name")?;
            let n = String::from_utf8_lossy(n)
                .trim_end_matches('\0')
                .to_string();
            data = &data[len..];
            n
        } else {
            raw_name.strip_suffix('/').unwrap_or(&raw_name).to_string()
        };
        out.push(Member { name, data });
    }
    Ok(out)
}
