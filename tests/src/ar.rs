//! The members of an `ar` archive (GNU and BSD name variants, as written by
//! llvm-ar and rustc), over the `object` crate. Unlike `ar x`, members that
//! share a name are all kept.

use crate::Result;
use object::read::archive::ArchiveFile;

/// One archive member.
pub struct Member<'a> {
    pub name: String,
    pub data: &'a [u8],
}

/// The members of `archive`, in order, without the symbol index and the
/// long-name table.
pub fn members(archive: &[u8]) -> Result<Vec<Member<'_>>> {
    let file = ArchiveFile::parse(archive).map_err(|e| format!("not an ar archive: {e}"))?;
    let mut out = Vec::new();
    for m in file.members() {
        let m = m.map_err(|e| format!("bad archive member: {e}"))?;
        let data = m
            .data(archive)
            .map_err(|e| format!("truncated archive: {e}"))?;
        out.push(Member {
            name: String::from_utf8_lossy(m.name()).into_owned(),
            data,
        });
    }
    Ok(out)
}
