package org.strata.persistence.network;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A remote DICOM application entity the archive connects to: its AE title and where it listens. */
@Entity
@Table(name = "remote_ae")
public class RemoteAe {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long pk;

    @Column(name = "ae_title", nullable = false, unique = true, length = 16)
    private String aeTitle;

    @Column(name = "host", nullable = false)
    private String host;

    @Column(name = "port", nullable = false)
    private int port;

    @Column(name = "tls", nullable = false)
    private boolean tls;

    public Long getPk() { return pk; }
    public String getAeTitle() { return aeTitle; }
    public void setAeTitle(String aeTitle) { this.aeTitle = aeTitle; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public boolean isTls() { return tls; }
    public void setTls(boolean tls) { this.tls = tls; }
}
