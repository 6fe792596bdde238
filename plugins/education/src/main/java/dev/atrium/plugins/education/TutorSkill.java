package dev.atrium.plugins.education;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.NotFoundException;
import dev.atrium.sdk.OutputSpec;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.SkillTimeoutException;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.OcrResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/**
 * A Socratic tutoring session over several runs: the first run starts it with a problem (text or photo), the
 * next runs send the learner's messages with the {@code session} id the first returned. Each reply makes one
 * pedagogical move chosen by {@link Tutor} from the step checker's verdict and the reference solution; with a
 * chat model the model words it, and the {@link AnswerLeakGuard} checks every reply, offline or remote, before
 * it is sent. {@code action=teacher} returns transcripts, flags, hints used and outcomes instead.
 */
@Extension
public class TutorSkill implements Skill {

    private static final SkillSpec SPEC = SkillSpec.builder("tutor")
            .title("Socratic tutor")
            .description("Guides a learner through a problem (typed or photographed) with questions, graduated hints and "
                    + "step checks, without handing over the answer unless the teacher allows it.")
            .input(InputSpec.text("session").label("Session").description("The id a previous run returned; empty to start"))
            .input(InputSpec.longText("problem").label("Problem").description("The problem, to start a session"))
            .input(InputSpec.file("photo").label("Photo of the problem").accept("image/*").maxBytes(10L * 1024 * 1024))
            .input(InputSpec.longText("solution").label("Reference solution")
                    .description("The teacher's worked solution, one step per line (GSM8K <<a*b=c>> annotations work)"))
            .input(InputSpec.text("answer").label("Final answer"))
            .input(InputSpec.text("subject").label("Subject").defaultValue("math"))
            .input(InputSpec.text("level").label("Level").description("For example grade 4"))
            .input(InputSpec.choice("language", "auto", "en", "zh").label("Language").defaultValue("auto"))
            .input(InputSpec.longText("message").label("Message").description("What the learner says"))
            .input(InputSpec.number("revealAfter").label("Reveal after N attempts")
                    .description("Teacher policy: reveal the answer when asked after this many wrong attempts; the "
                            + "plugin setting tutor.reveal-after wins when set").range(0.0, 100.0))
            .input(InputSpec.choice("action", "turn", "teacher").label("Action").defaultValue("turn")
                    .description("turn: a learner turn; teacher: transcripts, flags, hints used and outcomes "
                            + "(every learner's for the tenant's admins and auditors, one's own for a learner)"))
            .output(OutputSpec.result("session", "the session id, to send with the next message"))
            .output(OutputSpec.result("reply", "the tutor's reply"))
            .output(OutputSpec.result("move", "ask, probe, hint, confirm, locate-error, encourage, refuse-answer or reveal"))
            .output(OutputSpec.result("hintLevel", "the current step's hint rung, 0 to 4"))
            .output(OutputSpec.result("stepCheck", "step, correct and (when it gives nothing away) expected"))
            .output(OutputSpec.result("solved", "whether the learner has reached the answer"))
            .output(OutputSpec.result("flags", "safety flags raised in the session"))
            .output(OutputSpec.result("engine", "what produced the reply"))
            .uses(Capability.CHAT, Capability.STRUCTURED_OUTPUT, Capability.OCR)
            .timeout(Duration.ofMinutes(2))
            .build();

    /** An answer written "x = 7". */
    private static final Pattern ANSWER_ASSIGNMENT = Pattern.compile("^\\s*([a-zA-Z])\\s*=");
    static final String OFFLINE_ENGINE = "embedded+rules";

    /** Creates the skill; the host instantiates it through PF4J. */
    public TutorSkill() {
    }

    @Override
    public SkillSpec spec() {
        return SPEC;
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.create(sink -> {
            // Teachers see every learner's sessions; a learner, their own.
            String viewer = Tutors.isTeacher(context.callerRoles()) ? null : context.userId();
            if ("teacher".equals(input.text("action").orElse("turn"))) {
                sink.next(SkillEvent.result(
                        TeacherView.of(input.text("session").orElse(""), context.storage(), viewer)));
                sink.complete();
                return;
            }
            TutorSessions store = new TutorSessions(context.storage());
            String id = input.text("session").map(String::strip).orElse("");
            TutorSession session;
            List<String> engines = new ArrayList<>();
            if (id.isEmpty()) {
                sink.next(SkillEvent.progress(10, "reading the problem"));
                session = start(input, context, engines, sink::next);
            } else {
                session = store.load(id).filter(found -> Tutors.mayRead(found, viewer))
                        .orElseThrow(() -> new NotFoundException(
                                "no tutoring session '" + id + "'; start one without a session id"));
            }
            String message = input.text("message").map(String::strip).orElse("");
            String at = context.clock().instant().toString();
            if (!message.isEmpty()) {
                session.transcript.add(new TutorSession.Turn("learner", message, null, at));
            }

            Tutor.Decision decision = Tutor.respond(session, message);
            if (decision.flag() != null) {
                session.flags.add(new TutorSession.Flag(decision.flag(), message, session.transcript.size(), at));
            }
            String reply = decision.reply();
            String engine = OFFLINE_ENGINE;
            boolean rewritten = false;
            if (!"reveal".equals(decision.move()) && decision.flag() == null
                    && context.models().isAvailable(Capability.CHAT)) {
                sink.next(SkillEvent.progress(50, "drafting the reply"));
                try {
                    RemoteTutor.Draft draft = RemoteTutor.draft(session, message, decision, context.models());
                    reply = draft.text();
                    engine = draft.engine();
                } catch (ProviderException | CapabilityUnavailableException | SkillTimeoutException e) {
                    sink.next(SkillEvent.warning("the model could not draft the reply (" + e.getMessage()
                            + "); the tutor answers from its rules instead"));
                }
            }
            String safe = Tutor.guarded(session, reply, decision.move());
            if (!safe.equals(reply)) {
                rewritten = true;
                session.leaksBlocked++;
                context.logger().info("tutor session {}: a reply stating a protected value was rewritten", session.id);
            }
            session.transcript.add(new TutorSession.Turn("tutor", safe, decision.move(), at));
            store.save(session);

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("session", session.id);
            result.put("reply", safe);
            result.put("move", decision.move());
            result.put("hintLevel", session.hintLevel);
            if (decision.stepCheck() != null) {
                result.put("stepCheck", decision.stepCheck());
            }
            result.put("solved", session.solved);
            result.put("flags", session.flags.stream().map(f -> f.kind).distinct().toList());
            result.put("attempts", session.attempts);
            result.put("hintsUsed", session.hintsUsed);
            result.put("guardRewrote", rewritten);
            result.put("reference", session.reference);
            engines.add(engine);
            result.put("engine", String.join("+", engines.stream().distinct().toList()));
            sink.next(SkillEvent.result(result));
            sink.complete();
        });
    }

    /** A new session from the problem, the photo and the teacher's reference. */
    private static TutorSession start(SkillInput input, SkillContext context, List<String> engines,
                                      Consumer<SkillEvent> events) {
        String problem = input.text("problem").map(String::strip).orElse("");
        if (problem.isEmpty() && input.file("photo").isPresent()) {
            Media photo = input.file("photo").get();
            OcrResult ocr;
            try {
                ocr = context.models().ocr(photo, List.of("eng", "chi_sim"));
            } catch (BadInputException e) {
                throw new BadInputException("photo", "the photo could not be read: " + e.getMessage(), e);
            }
            problem = ocr.text() == null ? "" : ocr.text().strip();
            if (problem.replaceAll("[^\\p{L}\\p{N}]", "").length() < 4) {
                throw new BadInputException("photo", "no problem text could be read from the photo; "
                        + "send a sharper photo or type the problem");
            }
            engines.add(ocr.engine() == null ? "ocr" : ocr.engine().model().isEmpty() ? ocr.engine().provider()
                    : ocr.engine().model());
        }
        if (problem.isEmpty()) {
            throw new BadInputException("problem", "a new session needs a problem: type it in 'problem' or send a 'photo'");
        }
        TutorSession s = new TutorSession();
        s.id = UUID.randomUUID().toString();
        s.learner = context.userId();
        s.created = context.clock().instant().toString();
        s.problem = problem;
        s.subject = input.text("subject").orElse("math");
        s.level = input.text("level").orElse("");
        s.language = Tutor.language(input.text("language").orElse("auto"), problem, context.locale());
        String setting = context.settings().get("tutor.reveal-after").orElse("").strip();
        if (!setting.isEmpty()) {
            try {
                s.revealAfter = Integer.parseInt(setting);
            } catch (NumberFormatException e) {
                context.logger().warn("setting tutor.reveal-after is not a whole number: {}", setting);
            }
        } else {
            s.revealAfter = input.number("revealAfter").map(Double::intValue).orElse(null);
        }

        ReferenceSolution reference = ReferenceSolution.parse(input.text("solution").orElse(""),
                input.text("answer").orElse(""));
        s.steps = new ArrayList<>(reference.steps().stream().map(TutorSession.Step::new).toList());
        s.answer = reference.answer();
        s.answerText = reference.answerText();
        s.reference = reference.hasSteps() ? "teacher" : "none";
        for (int i = 0; i < reference.steps().size(); i++) {
            ReferenceSolution.Step step = reference.steps().get(i);
            Optional<BigDecimal> value = Arithmetic.evaluate(step.expression(), Map.of());
            if (value.isPresent() && !Arithmetic.agree(value.get(), step.result(), Arithmetic.plain(step.result()))) {
                events.accept(SkillEvent.warning("reference step " + (i + 1) + " does not check: "
                        + HintLadder.display(step.expression()) + " is " + Arithmetic.plain(value.get()) + ", not "
                        + Arithmetic.plain(step.result()) + "; the tutor follows the reference as given"));
            }
        }
        EquationProblems.unknown(problem).ifPresent(u -> {
            s.variables.put(u.name(), u.value());
            if (s.answer == null) {
                s.answer = u.value();
            }
        });
        Matcher assignment = ANSWER_ASSIGNMENT.matcher(s.answerText);
        if (s.answer != null && assignment.find()) {
            // an answer written "x = 7": the learner's "x = 7" is checked against it
            s.variables.putIfAbsent(assignment.group(1).toLowerCase(Locale.ROOT), s.answer);
        }
        if (!reference.hasSteps() && context.models().isAvailable(Capability.STRUCTURED_OUTPUT)) {
            events.accept(SkillEvent.progress(30, "deriving the solution steps"));
            try {
                RemoteTutor.derive(s, context.models()).ifPresentOrElse(derived -> {
                    s.steps = new ArrayList<>(derived.steps().stream().map(TutorSession.Step::new).toList());
                    if (s.answer == null) {
                        s.answer = derived.answer();
                    }
                    s.reference = "derived";
                }, () -> events.accept(SkillEvent.warning("the model's solution did not pass the step checker; "
                        + "the tutor checks the learner's arithmetic but gives no step hints")));
            } catch (ProviderException | CapabilityUnavailableException | SkillTimeoutException e) {
                events.accept(SkillEvent.warning("the model could not derive the solution (" + e.getMessage() + ")"));
            }
        }
        return s;
    }
}
