"""«Giới thiệu»: the version, the build, the data folder, the logs and the licences."""
