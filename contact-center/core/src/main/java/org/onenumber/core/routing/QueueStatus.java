package org.onenumber.core.routing;

import java.time.Duration;
import org.onenumber.core.directory.QueueId;

/** A queue at a glance: how many wait, the oldest wait, staffing and the estimate for a newcomer. */
public record QueueStatus(QueueId queue, int waiting, Duration oldestWait, int agentsLoggedIn,
    Duration estimatedWait) {}
