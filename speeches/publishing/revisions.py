"""What a revision of a publication stores (django-reversion)."""

import reversion

from speeches.models import LANGUAGE_CODES, Publication, PublicationMaterial, column

# The edit version must never be restored, or a restore would defeat the conflict check;
# slugs and plain text are derived again whenever a publication is saved, and the time
# readers were last told of a change follows the change notes.
DERIVED_FIELDS = ["edit_version", "plain_text", "slug", "last_note_at", "modified_at"] + [
    column(name, code) for name in ("plain_text", "slug") for code in LANGUAGE_CODES
]
# The workflow state belongs to the audit log (WorkflowEvent), not to the text: restoring
# an old revision must bring back words, never publish, withdraw or unpublish anything.
WORKFLOW_FIELDS = [
    "status",
    "submitted_by",
    "submitted_at",
    "withdrawn_at",
    "replaced_by",
    "withdrawal_explanation",
    "featured_at",
] + [column("withdrawal_explanation", code) for code in LANGUAGE_CODES]


# The additional materials as they were: every revision of a publication holds its
# attachment rows (which material, in which place), so that comparing two revisions can
# name the materials added, removed and moved. Restoring a revision puts words back and
# leaves the materials as they are (editing.revision_restore reads the publication's row).
ATTACHMENT_FIELDS = ["publication", "material", "position"]
FOLLOWED = ["attachments"]


def register() -> None:
    """Register Publication once its per-language columns exist (after modeltranslation)."""
    if not reversion.is_registered(PublicationMaterial):
        reversion.register(PublicationMaterial, fields=ATTACHMENT_FIELDS)
    if not reversion.is_registered(Publication):
        reversion.register(Publication, exclude=DERIVED_FIELDS + WORKFLOW_FIELDS, follow=FOLLOWED)
