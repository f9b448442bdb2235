package org.responsepolicy.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import org.responsepolicy.analysis.PersonalDataMasking;

/**
 * {@code %masked(...)} in the log pattern: masks personal data in the formatted line, exception text included.
 * The code logs no mention text; this catches what a library's exception message might still carry.
 */
public final class MaskingLogConverter extends CompositeConverter<ILoggingEvent> {

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return PersonalDataMasking.mask(in);
    }
}
