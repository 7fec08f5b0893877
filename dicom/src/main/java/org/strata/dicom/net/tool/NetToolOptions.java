package org.strata.dicom.net.tool;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.ElementDictionary;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.TlsConfig;
import org.strata.dicom.tool.Arguments;
import org.strata.dicom.tool.UsageException;

/** Options every network tool shares: AE titles, PDU size, timeouts and TLS. */
final class NetToolOptions {
    static final Set<String> VALUED = Set.of("--aet", "--aec", "--max-pdu", "--timeout", "--idle-timeout",
            "--tls-keystore", "--tls-keystore-pass", "--tls-truststore", "--tls-truststore-pass");
    static final Set<String> FLAGS = Set.of("--tls", "--tls-need-client-auth", "--verbose");

    static final String USAGE = """
            Common options:
              --aet TITLE               our AE title (default STRATA-SCU for SCUs, STRATA for SCPs)
              --aec TITLE               the called AE title (SCUs; default ANY-SCP)
              --max-pdu BYTES           maximum PDU length we receive, 0 = unlimited (default 65536)
              --timeout SECONDS         ARTIM: association, release and transport-close timeout (default 10)
              --idle-timeout SECONDS    abort after this long without any PDU, 0 = never (default 60)
              --tls                     use TLS (BCP 195: TLS 1.2/1.3, AEAD ciphers)
              --tls-keystore FILE       PKCS12/JKS with our key and certificate
              --tls-keystore-pass PASS  its password (default changeit)
              --tls-truststore FILE     PKCS12/JKS with the peers' trusted certificates
              --tls-truststore-pass P   its password (default changeit)
              --tls-need-client-auth    SCP: require a client certificate
              --verbose                 print each request and response
            """;

    final Arguments args;
    /** Repeatable {@code -k KEY[=VALUE]} attribute specifications, in order. */
    final List<String> keys = new ArrayList<>();

    NetToolOptions(List<String> argv, Set<String> moreValued, Set<String> moreFlags) throws UsageException {
        Set<String> valued = new HashSet<>(VALUED);
        valued.addAll(moreValued);
        Set<String> flags = new HashSet<>(FLAGS);
        flags.addAll(moreFlags);
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i).equals("-k") || argv.get(i).equals("--key")) {
                if (i + 1 == argv.size()) {
                    throw new UsageException("option -k needs KEYWORD[=VALUE] or gggg,eeee[=VALUE]");
                }
                keys.add(argv.get(++i));
            } else {
                rest.add(argv.get(i));
            }
        }
        this.args = Arguments.parse(rest, valued, flags);
    }

    /** The {@code -k} keys as a data set (values split at backslashes; VR from the dictionary). */
    Dataset keyDataset() throws UsageException {
        Dataset ds = new Dataset();
        for (String spec : keys) {
            int eq = spec.indexOf('=');
            String name = eq < 0 ? spec : spec.substring(0, eq);
            String value = eq < 0 ? "" : spec.substring(eq + 1);
            int tag = tagOf(name);
            VR vr = ElementDictionary.vrOf(tag);
            if (vr == null || vr == VR.SQ) {
                throw new UsageException("cannot set " + name + " from the command line (unknown or sequence)");
            }
            ds.setString(tag, vr, value.isEmpty() ? new String[0] : value.split("\\\\"));
        }
        return ds;
    }

    private static int tagOf(String name) throws UsageException {
        if (name.matches("\\p{XDigit}{4},\\p{XDigit}{4}")) {
            return Integer.parseInt(name.substring(0, 4), 16) << 16 | Integer.parseInt(name.substring(5), 16);
        }
        int tag = ElementDictionary.tagOf(name);
        if (tag == -1) {
            throw new UsageException("unknown attribute keyword '" + name + "'");
        }
        return tag;
    }

    boolean verbose() {
        return args.flag("--verbose");
    }

    AssociationOptions associationOptions() throws UsageException {
        return new AssociationOptions()
                .artimTimeoutMillis((int) (1000 * args.longOption("--timeout", 10, 1)))
                .idleTimeoutMillis((int) (1000 * args.longOption("--idle-timeout", 60, 0)));
    }

    long maxPdu() throws UsageException {
        return args.longOption("--max-pdu", 65536, 0);
    }

    /** A request with our AE titles and PDU size; the caller adds the presentation contexts. */
    AssociateRequest request() throws UsageException {
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle(aeTitle(args.option("--aet", "STRATA-SCU")));
        rq.setCalledAeTitle(aeTitle(args.option("--aec", "ANY-SCP")));
        rq.setMaxPduLength(maxPdu());
        return rq;
    }

    static String aeTitle(String title) throws UsageException {
        if (title.isEmpty() || title.length() > 16 || title.contains("\\")) {
            throw new UsageException("AE title must have 1 to 16 characters and no backslash: '" + title + "'");
        }
        return title;
    }

    /** The TLS configuration, or null without {@code --tls}. */
    TlsConfig tls() throws UsageException, IOException {
        if (!args.flag("--tls")) {
            return null;
        }
        String keystore = args.option("--tls-keystore", null);
        String truststore = args.option("--tls-truststore", null);
        try {
            return TlsConfig.of(keystore == null ? null : Path.of(keystore),
                    args.option("--tls-keystore-pass", "changeit").toCharArray(),
                    truststore == null ? null : Path.of(truststore),
                    args.option("--tls-truststore-pass", "changeit").toCharArray(),
                    args.flag("--tls-need-client-auth") ? TlsConfig.ClientAuth.NEED : TlsConfig.ClientAuth.WANT);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** HOST and PORT operands (first two), checked. */
    static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new UsageException("port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("port must be a number, not '" + value + "'");
        }
    }
}
