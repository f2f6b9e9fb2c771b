/**
 * The social graph around creators: creator profiles, follows with their source, fan clubs (粉丝团) whose members
 * earn intimacy points and levels, room comments, likes and watch time as aggregated signals, and the in-app inbox.
 * The live module calls it from the room; the trust chain learns everything from its events.
 */
@NullMarked
@ApplicationModule(displayName = "Social", allowedDependencies = {"platform", "identity", "order"})
package io.laotie.social;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
