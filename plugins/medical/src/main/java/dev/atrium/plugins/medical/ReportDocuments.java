package dev.atrium.plugins.medical;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.NotFoundException;
import dev.atrium.sdk.PluginStorage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Report documents in the plugin's storage (private to the plugin and tenant), one JSON value per document under
 * {@code reports/<id>}. Enforces the sign-off rules: only a clinician's explicit action signs, a signed version is
 * never changed, and a change after signing is an amendment.
 */
final class ReportDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PluginStorage storage;

    ReportDocuments(PluginStorage storage) {
        this.storage = storage;
    }

    /** Stores a new document whose first version is the generated draft. */
    ReportDocument create(String reportType, String language, ReportDocument.Version draft, String user, Instant now) {
        String id = "rpt-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        List<ReportDocument.AuditEntry> audit = new ArrayList<>();
        audit.add(new ReportDocument.AuditEntry(now.toString(), user, "drafted", 1));
        ReportDocument document = new ReportDocument(id, reportType, language, List.of(draft), audit);
        save(document);
        return document;
    }

    ReportDocument get(String id) {
        if (id == null || !id.matches("rpt-[0-9a-f]{16}")) {
            throw new BadInputException("document", "'" + id + "' is not a report document id");
        }
        String json = storage.getText(key(id))
                .orElseThrow(() -> new NotFoundException("report document " + id + " does not exist"));
        return JSON.readValue(json, ReportDocument.class);
    }

    /** Records that the user viewed the document. */
    ReportDocument view(String id, String user, Instant now) {
        ReportDocument d = get(id);
        return save(withAudit(d, d.versions(), user, "viewed", d.current().number(), now));
    }

    /** A new version with the clinician's text; refused on a signed version (amend it instead). */
    ReportDocument edit(String id, List<ReportDocument.SectionText> sections, String note, String user, Instant now) {
        ReportDocument d = get(id);
        ReportDocument.Version current = d.current();
        if (current.signature() != null) {
            throw new BadInputException("action", "report " + id + " is signed and cannot be changed; amend it instead");
        }
        boolean amendment = "amendment".equals(current.kind()) || current.amends() != null;
        ReportDocument.Version next = new ReportDocument.Version(current.number() + 1, amendment ? "amendment" : "edit", user,
                now.toString(), "", current.alerts(), merge(d, current.sections(), sections), current.labs(),
                current.amends(), note, null);
        return save(withVersion(d, next, user, "edited", now));
    }

    /** An amendment of the signed current version: a new unsigned version that references it. */
    ReportDocument amend(String id, List<ReportDocument.SectionText> sections, String note, String user, Instant now) {
        ReportDocument d = get(id);
        ReportDocument.Version signed = d.current();
        if (signed.signature() == null) {
            throw new BadInputException("action", "report " + id + " is not signed yet: edit it instead of amending");
        }
        if (note == null || note.isBlank()) {
            throw new BadInputException("note", "an amendment needs a reason in 'note'");
        }
        ReportDocument.Version next = new ReportDocument.Version(signed.number() + 1, "amendment", user, now.toString(), "",
                signed.alerts(), merge(d, signed.sections(), sections), signed.labs(), signed.number(), note, null);
        return save(withVersion(d, next, user, "amended", now));
    }

    /** Signs the current version as a new, sealed version carrying signer, time and content hash. */
    ReportDocument sign(String id, String user, Instant now) {
        ReportDocument d = get(id);
        ReportDocument.Version current = d.current();
        if (current.signature() != null) {
            throw new BadInputException("action", "report " + id + " version " + current.number() + " is already signed");
        }
        if (current.sections().stream().allMatch(s -> s.text() == null || s.text().isBlank())) {
            throw new BadInputException("action", "report " + id + " is empty; nothing to sign");
        }
        ReportDocument.Signature signature = new ReportDocument.Signature(user, now.toString(), hash(current));
        ReportDocument.Version signed = new ReportDocument.Version(current.number() + 1, "signed", user, now.toString(),
                current.engine(), current.alerts(), current.sections(), current.labs(), current.amends(), current.note(),
                signature);
        return save(withVersion(d, signed, user, "signed", now));
    }

    /** SHA-256 over the content a signature covers: sections, alerts and labs, in order. */
    static String hash(ReportDocument.Version v) {
        StringBuilder b = new StringBuilder();
        for (ReportDocument.SectionText s : v.sections()) {
            b.append("#").append(s.name()).append('\n').append(s.text()).append('\n');
        }
        v.alerts().forEach(a -> b.append("!").append(a).append('\n'));
        v.labs().forEach(l -> b.append("~").append(l.test()).append('|').append(l.value()).append('|').append(l.unit())
                .append('|').append(l.range()).append('|').append(l.flag()).append('\n'));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ReportDocument.SectionText> merge(ReportDocument d, List<ReportDocument.SectionText> current,
                                                          List<ReportDocument.SectionText> given) {
        if (given == null || given.isEmpty()) {
            throw new BadInputException("sections", "give the changed sections as '## SECTION NAME' followed by its text");
        }
        // Chinese titles (## 评估与计划) name the same sections as the English names.
        ReportTemplate template = ReportTemplate.of(d.reportType());
        List<ReportDocument.SectionText> changes = given.stream().map(c -> {
            int zh = template.sectionsZh.indexOf(c.name().strip());
            return zh < 0 ? c : new ReportDocument.SectionText(template.sections.get(zh), c.text(), c.sources());
        }).toList();
        List<ReportDocument.SectionText> out = new ArrayList<>();
        for (ReportDocument.SectionText s : current) {
            ReportDocument.SectionText changed = changes.stream().filter(c -> c.name().equalsIgnoreCase(s.name()))
                    .findFirst().orElse(null);
            // A clinician's text is their own: it keeps no machine source links.
            out.add(changed == null ? s : new ReportDocument.SectionText(s.name(), changed.text().strip(), List.of()));
        }
        for (ReportDocument.SectionText c : changes) {
            if (current.stream().noneMatch(s -> s.name().equalsIgnoreCase(c.name()))) {
                throw new BadInputException("sections", "the report has no section '" + c.name() + "'");
            }
        }
        return out;
    }

    private ReportDocument withVersion(ReportDocument d, ReportDocument.Version v, String user, String action, Instant now) {
        List<ReportDocument.Version> versions = new ArrayList<>(d.versions());
        versions.add(v);
        return withAudit(d, versions, user, action, v.number(), now);
    }

    private static ReportDocument withAudit(ReportDocument d, List<ReportDocument.Version> versions, String user,
                                            String action, int version, Instant now) {
        List<ReportDocument.AuditEntry> audit = new ArrayList<>(d.audit());
        audit.add(new ReportDocument.AuditEntry(now.toString(), user, action, version));
        return new ReportDocument(d.id(), d.reportType(), d.language(), versions, audit);
    }

    private ReportDocument save(ReportDocument d) {
        storage.putText(key(d.id()), JSON.writeValueAsString(d));
        return d;
    }

    private static String key(String id) {
        return "reports/" + id;
    }
}
