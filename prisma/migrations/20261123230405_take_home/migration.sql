-- CreateTable
CREATE TABLE "action_contribution" (
    "actionId" UUID NOT NULL,
    "contributionId" UUID NOT NULL,

    CONSTRAINT "action_contribution_pkey" PRIMARY KEY ("actionId","contributionId")
);

-- CreateIndex
CREATE INDEX "action_contribution_contributionId_idx" ON "action_contribution"("contributionId");

-- AddForeignKey
ALTER TABLE "action_contribution" ADD CONSTRAINT "action_contribution_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "case_action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_contribution" ADD CONSTRAINT "action_contribution_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;
