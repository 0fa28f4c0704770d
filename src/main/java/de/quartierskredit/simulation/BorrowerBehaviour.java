package de.quartierskredit.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a simulated borrower behaves month by month, so that a simulated portfolio tells the brochure's story
 * (DOMAIN.md: about 40 % of loans disturbed at some point, 98 % repaid, 12 % disturbed on an average 15th)
 * and an early warning has something to find. Pure and deterministic: the same seed and borrower give the
 * same months, whatever the threads or the order of the calls.
 *
 * <p>The model (a design choice, calibrated in {@code BorrowerBehaviourCalibrationTest}): each borrower has a
 * hidden {@link Condition}. A share of the businesses is fragile ({@code fragileShare}); a fragile business in
 * good health starts to weaken with {@code weakeningRate} a month. A weakening business still pays; its monthly
 * contact shows it with {@code signalShare} (difficulties, a strained business, not reached); each month it
 * recovers with {@code healingRate} (then the warning was a false alarm) or falls into distress with
 * {@code distressRate}. Any business in good health may also miss suddenly ({@code suddenMissRate}, after the
 * month's contact: a miss without warning). A distressed borrower misses one, two or three instalments
 * (15 / 35 / 50 %) and then pays the arrears back in one payment, as an intervention brings about before the
 * default deadline of 90 days; {@code giveUpShare} of the distresses are a business given up that never pays
 * again (the loan defaults). After paying back, {@code relapseShare} of the borrowers are still weakening.
 *
 * <p>Month {@code m} is the loan's m-th month after the disbursement: its contact on the 1st, its instalment
 * on the due day. Months after the last instalment only matter while arrears are open.
 */
final class BorrowerBehaviour {

  /** The hidden condition of the business. */
  enum Condition { HEALTHY, WEAKENING, DISTRESSED, GIVEN_UP }

  /** What the borrower does with the month's instalment: pays it with all arrears, or misses it. */
  enum Payment { PAY, MISS }

  /** What a contact finds, as the advisor's form records it (contactOutcome, businessSituation). */
  record Contact(String outcome, String situation) {}

  /**
   * One month of the borrower: the condition after the month's start, what the monthly contact finds (the
   * loan in good standing), what an intensive contact finds (the loan disturbed), and the payment.
   */
  record Month(int month, Condition condition, Contact monthlyContact, Contact intensiveContact, Payment payment) {}

  /** Which model decides: the borrower model, or the fixed monthly rates of earlier versions. */
  enum Model { BORROWER, FIXED_RATES }

  /**
   * The model's knobs. {@code disturbanceRate} and {@code recoveryRate} belong to {@link Model#FIXED_RATES}
   * (an instalment missed by a loan in good standing, arrears paid back by a disturbed one, each month); the
   * others to {@link Model#BORROWER}.
   */
  record Parameters(Model model, double disturbanceRate, double recoveryRate, double fragileShare,
      double weakeningRate, double distressRate, double healingRate, double signalShare, double suddenMissRate,
      double giveUpShare, double relapseShare) {

    /** Calibrated to the brochure (see the class comment and {@code BorrowerBehaviourCalibrationTest}). */
    static final Parameters BROCHURE = new Parameters(Model.BORROWER, 0.12, 0.5, 0.35, 0.2, 0.4, 0.2, 0.7, 0.01,
        0.02, 0.85);

    Parameters {
      if (model == null || outside(disturbanceRate) || outside(recoveryRate) || outside(fragileShare)
          || outside(weakeningRate) || outside(distressRate) || outside(healingRate) || distressRate + healingRate > 1
          || outside(signalShare) || outside(suddenMissRate) || outside(giveUpShare) || outside(relapseShare)) {
        throw new IllegalArgumentException("impossible borrower behaviour: " + this);
      }
    }

    /** The earlier model: every loan in good standing misses with one rate, every disturbed one recovers with one. */
    static Parameters fixedRates(double disturbanceRate, double recoveryRate) {
      return new Parameters(Model.FIXED_RATES, disturbanceRate, recoveryRate, BROCHURE.fragileShare,
          BROCHURE.weakeningRate, BROCHURE.distressRate, BROCHURE.healingRate, BROCHURE.signalShare,
          BROCHURE.suddenMissRate, BROCHURE.giveUpShare, BROCHURE.relapseShare);
    }

    private static boolean outside(double share) {
      return !(share >= 0 && share <= 1);
    }
  }

  private static final double[] MISSES = {0.15, 0.35, 0.50};
  private static final Contact ON_TRACK_GROWING = new Contact("ON_TRACK", "GROWING");
  private static final Contact ON_TRACK_STABLE = new Contact("ON_TRACK", "STABLE");

  private final Parameters parameters;
  private final long seed;
  private final Map<String, List<Month>> paths = new ConcurrentHashMap<>();

  BorrowerBehaviour(Parameters parameters, long seed) {
    this.parameters = parameters;
    this.seed = seed;
  }

  /** The borrower's month {@code m} (1 = the first month after the disbursement). */
  Month month(String borrower, int m) {
    if (m < 1) {
      throw new IllegalArgumentException("months count from 1: " + m);
    }
    List<Month> path = paths.get(borrower);
    if (path == null || path.size() < m) {
      path = path(borrower, Math.max(m, 48));
      paths.put(borrower, path);
    }
    return path.get(m - 1);
  }

  /** The borrower's first {@code months} months, computed from month 1 on. */
  List<Month> path(String borrower, int months) {
    Random traits = PortfolioSimulator.randomFor(seed, borrower, "traits");
    Contact usual = traits.nextDouble() < 0.3 ? ON_TRACK_GROWING : ON_TRACK_STABLE;
    boolean fragile = traits.nextDouble() < parameters.fragileShare();
    Condition condition = Condition.HEALTHY;
    int missesLeft = 0;
    List<Month> path = new ArrayList<>(months);
    for (int m = 1; m <= months; m++) {
      Random month = PortfolioSimulator.randomFor(seed, borrower, "month", m);
      double change = month.nextDouble();
      double signal = month.nextDouble();
      double kind = month.nextDouble();
      double sudden = month.nextDouble();
      double misses = month.nextDouble();
      double givesUp = month.nextDouble();
      double relapse = month.nextDouble();
      // the month starts: the hidden condition moves
      if (condition == Condition.HEALTHY && fragile && change < parameters.weakeningRate()) {
        condition = Condition.WEAKENING;
      } else if (condition == Condition.WEAKENING) {
        if (change < parameters.healingRate()) {
          condition = Condition.HEALTHY;
        } else if (change < parameters.healingRate() + parameters.distressRate()) {
          condition = givesUp < parameters.giveUpShare() ? Condition.GIVEN_UP : Condition.DISTRESSED;
          missesLeft = misses(misses);
        }
      }
      // the 1st: the monthly contact shows what the advisor can see
      Contact monthly = switch (condition) {
        case HEALTHY -> usual;
        case WEAKENING -> signal < parameters.signalShare() ? weakening(kind, usual) : usual;
        case DISTRESSED -> signal < parameters.signalShare() ? new Contact("PAYMENT_PROBLEM", "CRITICAL") : usual;
        case GIVEN_UP -> signal < parameters.signalShare() ? new Contact("PAYMENT_PROBLEM", "GIVEN_UP") : usual;
      };
      // the due day: a business in good health may miss suddenly, after the contact
      if (condition == Condition.HEALTHY && sudden < parameters.suddenMissRate()) {
        condition = givesUp < parameters.giveUpShare() ? Condition.GIVEN_UP : Condition.DISTRESSED;
        missesLeft = misses(misses);
      }
      Payment payment;
      Condition during = condition;
      if (condition == Condition.GIVEN_UP) {
        payment = Payment.MISS;
      } else if (condition == Condition.DISTRESSED && missesLeft > 0) {
        payment = Payment.MISS;
        missesLeft--;
      } else {
        payment = Payment.PAY;
        if (condition == Condition.DISTRESSED) {
          // arrears paid back: some are still weakening and may fall again
          condition = relapse < parameters.relapseShare() ? Condition.WEAKENING : Condition.HEALTHY;
        }
      }
      Contact intensive = during == Condition.GIVEN_UP ? new Contact("NOT_REACHED", "GIVEN_UP")
          : during == Condition.DISTRESSED ? new Contact("PAYMENT_PROBLEM", "STRAINED")
          : new Contact("DIFFICULTIES", "STRAINED");
      path.add(new Month(m, during, monthly, intensive, payment));
    }
    return List.copyOf(path);
  }

  private static int misses(double draw) {
    double sum = 0;
    for (int i = 0; i < MISSES.length; i++) {
      sum += MISSES[i];
      if (draw < sum) {
        return i + 1;
      }
    }
    return MISSES.length;
  }

  private static Contact weakening(double kind, Contact usual) {
    if (kind < 0.5) {
      return new Contact("DIFFICULTIES", "STRAINED");
    }
    return kind < 0.75 ? new Contact("ON_TRACK", "STRAINED") : new Contact("NOT_REACHED", usual.situation());
  }
}
