package org.strata.dicom.dimse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import org.strata.dicom.net.Association;
import org.strata.dicom.net.MessageHandler;

/** Services by SOP class (or class family); Verification (C-ECHO) is always answered. */
public final class DimseServices {
    /** The Verification SOP class. */
    public static final String VERIFICATION = "1.2.840.10008.1.1";

    private final Map<String, DimseService> bySopClass = new ConcurrentHashMap<>();
    private final List<Map.Entry<Predicate<String>, DimseService>> byFamily = new ArrayList<>();

    public DimseServices() {
        bySopClass.put(VERIFICATION, request -> request.respond(Status.SUCCESS));
    }

    public DimseServices register(String sopClass, DimseService service) {
        bySopClass.put(sopClass, service);
        return this;
    }

    /** Registers a service for every SOP class matching {@code family} (e.g. all storage classes). */
    public synchronized DimseServices registerFamily(Predicate<String> family, DimseService service) {
        byFamily.add(Map.entry(family, service));
        return this;
    }

    /** The service for a SOP class, or null. */
    public synchronized DimseService find(String sopClass) {
        if (sopClass == null) {
            return null;
        }
        DimseService s = bySopClass.get(sopClass);
        if (s != null) {
            return s;
        }
        for (Map.Entry<Predicate<String>, DimseService> e : byFamily) {
            if (e.getKey().test(sopClass)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A handler factory for {@link org.strata.dicom.net.DicomServer}: one {@link DimseChannel} per association. */
    public Function<Association, MessageHandler> handlers(Executor executor) {
        return association -> {
            DimseChannel channel = new DimseChannel(this, executor);
            channel.attach(association);
            return channel;
        };
    }
}
