/**
 * The shared kernel every module stands on: ids, problems, paging, time, rate limits, and the web shell's
 * cross-cutting pieces (locale, layout model). It owns no business data.
 */
@NullMarked
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package io.laotie.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
