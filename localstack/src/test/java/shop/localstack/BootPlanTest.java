package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BootPlanTest {
  private final StartupTimeline timeline = new StartupTimeline();
  private final BootPlan plan = new BootPlan(timeline, 4);

  @Test
  void aStepNeverStartsBeforeItsNeedsFinish() {
    List<String> events = new CopyOnWriteArrayList<>();
    BootPlan.Step<Integer> slow =
        plan.step(
            "slow",
            () -> {
              events.add("slow started");
              Thread.sleep(100);
              events.add("slow finished");
              return 41;
            });
    BootPlan.Step<?> quick = plan.step("quick", () -> events.add("quick"));
    BootPlan.Step<Integer> after =
        plan.step(
                "after",
                () -> {
                  events.add("after started");
                  return slow.value() + 1;
                })
            .needs(slow, quick);

    plan.run();

    assertThat(events).containsSubsequence("slow finished", "after started");
    assertThat(events.indexOf("quick")).isLessThan(events.indexOf("after started"));
    assertThat(after.value()).isEqualTo(42);
  }

  @Test
  void independentStepsOverlap() {
    // Each step waits for the other to have started: they finish only if they run together.
    CountDownLatch bothStarted = new CountDownLatch(2);
    AtomicBoolean overlapped = new AtomicBoolean(true);
    Runnable meet =
        () -> {
          bothStarted.countDown();
          try {
            if (!bothStarted.await(5, TimeUnit.SECONDS)) {
              overlapped.set(false);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    plan.step("left", meet);
    plan.step("right", meet);

    plan.run();

    assertThat(overlapped).isTrue();
  }

  @Test
  void eachStepIsTimedOnTheTimeline() {
    plan.step("tables", () -> {});
    plan.awaiting("emulator", CompletableFuture.completedFuture(null));

    plan.run();

    // a step done elsewhere is timed there
    assertThat(timeline.phases()).extracting(StartupTimeline.Phase::name).containsExactly("tables");
  }

  @Test
  void aFailedStepFailsThePlanNamingItAndWhatNeedsItDoesNotRun() {
    AtomicBoolean dependentRan = new AtomicBoolean();
    AtomicBoolean independentRan = new AtomicBoolean();
    BootPlan.Step<Void> migrations =
        plan.step(
            "user migrations",
            () -> {
              throw new IllegalArgumentException("relation exists");
            });
    BootPlan.Step<Void> seed = plan.step("admin seed", () -> dependentRan.set(true));
    seed.needs(migrations);
    plan.step("after the seed", () -> dependentRan.set(true)).needs(seed);
    plan.step("buckets", () -> independentRan.set(true));

    assertThatThrownBy(plan::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("user migrations failed: relation exists")
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThat(dependentRan).isFalse();
    assertThat(independentRan).isTrue();
  }

  @Test
  void aStepDoneElsewhereThatFailedFailsThePlanNamingIt() {
    BootPlan.Step<Object> postgres =
        plan.awaiting(
            "PostgreSQL emulator",
            CompletableFuture.failedFuture(new IllegalStateException("port taken")));
    AtomicBoolean migrated = new AtomicBoolean();
    plan.step("migrations", () -> migrated.set(true)).needs(postgres);

    assertThatThrownBy(plan::run).hasMessage("PostgreSQL emulator failed: port taken");
    assertThat(migrated).isFalse();
  }

  @Test
  void aCycleIsRefusedWhenDeclared() {
    BootPlan.Step<Void> a = plan.step("a", () -> {});
    BootPlan.Step<Void> b = plan.step("b", () -> {}).needs(a);
    BootPlan.Step<Void> c = plan.step("c", () -> {}).needs(b);

    assertThatThrownBy(() -> a.needs(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a cannot need c");
    assertThatThrownBy(() -> a.needs(a)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNeedOfAnotherPlanIsRefusedWhenDeclared() {
    BootPlan other = new BootPlan(timeline, 1);
    BootPlan.Step<Void> foreign = other.step("foreign", () -> {});

    assertThatThrownBy(() -> plan.step("mine", () -> {}).needs(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("foreign");
  }

  @Test
  void aStepReadingAValueItDoesNotNeedFails() {
    BootPlan.Step<String> queues = plan.step("queues", () -> "urls");
    plan.step("pollers", () -> queues.value()).needs(plan.step("other", () -> {}));

    assertThatThrownBy(plan::run).hasMessageContaining("pollers reads queues without needing it");
  }

  @Test
  void aPlanRunsOnceAndTakesNoStepsWhileRunning() {
    plan.step("only", () -> {});
    plan.run();

    assertThatThrownBy(plan::run).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> plan.step("late", () -> {})).isInstanceOf(IllegalStateException.class);
  }
}
