package io.gridpulse.simulator;

import java.util.random.RandomGenerator;

/** Draws an index with probability proportional to its weight; every weighted choice of the simulator goes through here. */
public final class Weights {
    private Weights() {}

    public static int pick(RandomGenerator rnd, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
