//! Checks of the built libraries (placeholder).
