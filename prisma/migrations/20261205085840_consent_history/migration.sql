-- CreateTable
CREATE TABLE "consent_answer" (
    "id" UUID NOT NULL,
    "consentId" UUID NOT NULL,
    "state" "ConsentState" NOT NULL,
    "condition" TEXT,
    "memberId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "consent_answer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "consent_answer_consentId_at_idx" ON "consent_answer"("consentId", "at");

-- AddForeignKey
ALTER TABLE "consent_answer" ADD CONSTRAINT "consent_answer_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "contribution_consent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The history so far: each consent's request, and its answer or withdrawal as it stands.
INSERT INTO "consent_answer" ("id", "consentId", "state", "condition", "memberId", "at")
SELECT gen_random_uuid(), "id", 'requested', NULL, "requestedByMemberId", "createdAt" FROM "contribution_consent";
INSERT INTO "consent_answer" ("id", "consentId", "state", "condition", "memberId", "at")
SELECT gen_random_uuid(), "id", "state", "condition", "answeredByMemberId", "answeredAt"
  FROM "contribution_consent"
 WHERE "state" <> 'requested' AND "answeredByMemberId" IS NOT NULL AND "answeredAt" IS NOT NULL;
