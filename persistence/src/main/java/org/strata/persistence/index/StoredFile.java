package org.strata.persistence.index;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a stored object's bytes are and what they must be: the storage system and the path in it, size and SHA-256 of
 * the file, and the transfer syntax its data set is encoded in. The same columns in every table that records an
 * object ({@link Instance}, {@link InstanceVersion}). Immutable: a move records a new one.
 */
@Embeddable
public class StoredFile {
    @Column(name = "storage_id", nullable = false)
    private String storageId;

    @Column(name = "storage_path", nullable = false)
    private String path;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "transfer_syntax", nullable = false)
    private String transferSyntaxUid;

    protected StoredFile() {
    }

    public StoredFile(String storageId, String path, long size, String sha256, String transferSyntaxUid) {
        this.storageId = storageId;
        this.path = path;
        this.size = size;
        this.sha256 = sha256;
        this.transferSyntaxUid = transferSyntaxUid;
    }

    public String getStorageId() { return storageId; }
    public String getPath() { return path; }
    public long getSize() { return size; }
    public String getSha256() { return sha256; }
    public String getTransferSyntaxUid() { return transferSyntaxUid; }
}
