package io.gridpulse.model.sla;

/** When an SLA clock warns that its deadline is near. */
public sealed interface WarningRule {

    /** At this percentage (1 to 99) of the time between creation and deadline. */
    record AtPercentOfAllowance(int percent) implements WarningRule {

        public AtPercentOfAllowance {
            if (percent < 1 || percent > 99) {
                throw new IllegalArgumentException("a warning percentage must be 1 to 99, got " + percent);
            }
        }
    }

    /** At the start (00:00 local) of the last working day; only for working-day limits. */
    record AtStartOfLastWorkingDay() implements WarningRule {
    }
}
