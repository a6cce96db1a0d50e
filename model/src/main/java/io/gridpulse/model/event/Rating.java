package io.gridpulse.model.event;

/**
 * A rating: either 1 to 5 stars or a good/bad verdict (好差評), each with a score in [0, 1] for the
 * satisfaction index.
 */
public sealed interface Rating permits Rating.Stars, Rating.Verdict {

    /** The score in [0, 1]: good 1, bad 0, stars (r - 1) / 4. */
    double score();

    /** A rating of 1 to 5 stars. */
    static Rating stars(int stars) {
        return new Stars(stars);
    }

    /** A good verdict. */
    static Rating good() {
        return new Verdict(true);
    }

    /** A bad verdict. */
    static Rating bad() {
        return new Verdict(false);
    }

    /** 1 to 5 stars. */
    record Stars(int stars) implements Rating {

        public Stars {
            if (stars < 1 || stars > 5) {
                throw new IllegalArgumentException("stars must be 1 to 5, got " + stars);
            }
        }

        @Override
        public double score() {
            return (stars - 1) / 4.0;
        }
    }

    /** Good or bad (好評/差評). */
    record Verdict(boolean good) implements Rating {

        @Override
        public double score() {
            return good ? 1.0 : 0.0;
        }
    }
}
