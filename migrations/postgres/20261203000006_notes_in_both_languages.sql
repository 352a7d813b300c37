-- Issue 24: a note of ours may be written in both languages. The existing column keeps the
-- English (or only) text; the new one the Vietnamese, present only where the note was given as
-- { "vi": …, "en": … }, so that an export gives back the form it was given.
ALTER TABLE programmes ADD COLUMN source_note_vi TEXT;
ALTER TABLE scheme_records ADD COLUMN note_vi TEXT;
ALTER TABLE indicators ADD COLUMN note_vi TEXT;
