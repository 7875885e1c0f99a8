package ba.refnet.reporting.domain;

/**
 * How many referrals reached each step of the loop (a referral counts in every step it reached); null where a
 * published figure is withheld.
 */
public record StepCounts(Long requested, Long accepted, Long rejected, Long cancelled, Long started, Long completed,
        Long failed, Long redirected) {

    /** As published: each step a figure of its own, withheld when small. */
    public StepCounts published(SmallCells cells) {
        return new StepCounts(cells.figure(requested), cells.figure(accepted), cells.figure(rejected),
                cells.figure(cancelled), cells.figure(started), cells.figure(completed), cells.figure(failed),
                cells.figure(redirected));
    }
}
