package org.strata.web.dicomweb;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.strata.web.dicomweb.bulk.BulkDataResource;
import org.strata.web.dicomweb.stow.StowResource;
import org.strata.web.dicomweb.stow.StudyStowResource;
import org.strata.web.dicomweb.wado.WadoResource;

/** DICOMweb (PS3.18) under {@code /dicom-web}: STOW-RS, QIDO-RS, WADO-RS. */
@ApplicationPath("/dicom-web")
public class DicomWebApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        // Listed, not scanned, so these resources never appear under /strata/api too (and vice versa).
        return Set.of(DicomWebExceptionMapper.class, StowResource.class, StudyStowResource.class, WadoResource.class,
                BulkDataResource.class);
    }
}
