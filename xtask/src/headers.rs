pub fn run(_: &[String]) -> crate::util::Result {
    Err("todo".into())
}
