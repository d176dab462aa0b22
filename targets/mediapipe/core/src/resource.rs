//! The process-wide resource directory (the reference's absl flag
//! `resource_root_dir`), set from Python with
//! `resource_util.set_resource_dir(path)` and read by code that resolves
//! model or asset file names.

use std::sync::RwLock;

use bindery_annotations as bindery;

static RESOURCE_DIR: RwLock<String> = RwLock::new(String::new());

/// `resource_util.set_resource_dir(str)`: sets the resource root directory.
#[bindery::function(module = "resource_util", name = "set_resource_dir")]
pub fn set_resource_dir(path: &str) {
    let mut dir = RESOURCE_DIR.write().unwrap_or_else(|poisoned| poisoned.into_inner());
    *dir = path.to_string();
}

/// The resource root directory (`""` until set).
pub fn resource_dir() -> String {
    RESOURCE_DIR.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
}

#[cfg(test)]
mod tests {
    #[test]
    fn set_then_read() {
        super::set_resource_dir("/models");
        assert_eq!(super::resource_dir(), "/models");
    }
}
