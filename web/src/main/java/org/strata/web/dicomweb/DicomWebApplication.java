package org.strata.web.dicomweb;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.strata.web.dicomweb.bulk.BulkDataResource;
import org.strata.web.dicomweb.frames.FramesResource;
import org.strata.web.dicomweb.metadata.MetadataResource;
import org.strata.web.dicomweb.qido.QidoResource;
import org.strata.web.dicomweb.qido.StudiesQidoResource;
import org.strata.web.dicomweb.qido.StudyQidoResource;
import org.strata.web.dicomweb.rendered.FrameRenderedResource;
import org.strata.web.dicomweb.rendered.RenderedResource;
import org.strata.web.dicomweb.stow.StowResource;
import org.strata.web.dicomweb.stow.StudyStowResource;
import org.strata.web.dicomweb.wado.WadoResource;
import org.strata.web.dicomweb.wadouri.WadoUriResource;

/**
 * DICOMweb (PS3.18) under {@code /dicom-web}: STOW-RS, QIDO-RS, WADO-RS (objects, bulk data, frames, rendered,
 * thumbnails) and WADO-URI.
 */
@ApplicationPath("/dicom-web")
public class DicomWebApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        // Listed, not scanned, so these resources never appear under /strata/api too (and vice versa).
        return Set.of(DicomWebExceptionMapper.class, AcceptQueryParameter.class, StowResource.class,
                StudyStowResource.class, WadoResource.class, BulkDataResource.class, FramesResource.class, RenderedResource.class, FrameRenderedResource.class,
                WadoUriResource.class, QidoResource.class, StudiesQidoResource.class, StudyQidoResource.class,
                MetadataResource.class);
    }
}
