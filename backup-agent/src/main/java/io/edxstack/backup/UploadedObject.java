package io.edxstack.backup;

/** What a finished multipart upload stored: the object's size and SHA-256 as computed on the way up. */
record UploadedObject(String key, long size, String sha256, int partCount) {
}
