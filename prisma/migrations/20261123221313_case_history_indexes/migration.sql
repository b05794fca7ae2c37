-- CreateIndex
CREATE INDEX "contribution_agendaItemId_idx" ON "contribution"("agendaItemId");

-- CreateIndex
CREATE INDEX "intervention_agendaItemId_idx" ON "intervention"("agendaItemId");

-- CreateIndex
CREATE INDEX "decision_agendaItemId_idx" ON "decision"("agendaItemId");

-- CreateIndex
CREATE INDEX "case_action_decisionId_idx" ON "case_action"("decisionId");
