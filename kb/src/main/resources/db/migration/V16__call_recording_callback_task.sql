-- Click-to-dial (回拨): a recording of a call back names the call-back task it was made for, as a routed call names its
-- desk chat, so the console can list a task's calls. Written to run unchanged on H2 and PostgreSQL.

ALTER TABLE call_recording ADD COLUMN callback_task_id VARCHAR(32);
CREATE INDEX call_recording_callback_task ON call_recording (callback_task_id);
