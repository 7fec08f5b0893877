package org.strata.persistence.index;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The stored copy of one instance's header (what the index has no column for), in the encoding of
 * {@code org.strata.ejb.metadata.StoredHeader}; one row per instance, keyed by the instance's primary key.
 */
@Entity
@Table(name = "instance_header")
public class InstanceHeader {
    @Id
    @Column(name = "instance_fk")
    private Long instancePk;

    @Column(name = "header", nullable = false)
    private byte[] header;

    public Long getInstancePk() { return instancePk; }
    public void setInstancePk(Long instancePk) { this.instancePk = instancePk; }
    public byte[] getHeader() { return header; }
    public void setHeader(byte[] header) { this.header = header; }
}
