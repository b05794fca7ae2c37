-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('draft', 'submitted', 'infoRequested', 'accepted', 'rejected');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('normal', 'high');

-- CreateTable
CREATE TABLE "conference_table" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startTime" TEXT NOT NULL,
    "anchorDate" DATE NOT NULL,
    "intervalWeeks" INTEGER NOT NULL DEFAULT 2,
    "capacity" INTEGER NOT NULL DEFAULT 8,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conference_table_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "table_organisation" (
    "tableId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,

    CONSTRAINT "table_organisation_pkey" PRIMARY KEY ("tableId","organisationId")
);

-- CreateTable
CREATE TABLE "case_record" (
    "id" UUID NOT NULL,
    "reference" TEXT,
    "status" "CaseStatus" NOT NULL,
    "referrerMemberId" UUID NOT NULL,
    "referrerOrganisationId" UUID NOT NULL,
    "responsibleOrganisationId" UUID,
    "externalReferrer" JSONB,
    "form" JSONB NOT NULL,
    "urgency" "Urgency",
    "lifeDomains" JSONB,
    "chains" TEXT[],
    "criteria" JSONB,
    "informed" JSONB,
    "referrerContact" JSONB,
    "tableId" UUID,
    "firstSessionAt" TIMESTAMPTZ(3),
    "decidedByMemberId" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "rejectionReason" TEXT,
    "question" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_person" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "address" TEXT NOT NULL,
    "bsn" TEXT,
    "relation" TEXT,

    CONSTRAINT "case_person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_organisation" (
    "caseId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,

    CONSTRAINT "case_organisation_pkey" PRIMARY KEY ("caseId","organisationId")
);

-- CreateTable
CREATE TABLE "reference_counter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "reference_counter_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE UNIQUE INDEX "conference_table_name_key" ON "conference_table"("name");

-- CreateIndex
CREATE UNIQUE INDEX "case_record_reference_key" ON "case_record"("reference");

-- CreateIndex
CREATE INDEX "case_record_status_idx" ON "case_record"("status");

-- CreateIndex
CREATE INDEX "case_record_referrerMemberId_idx" ON "case_record"("referrerMemberId");

-- CreateIndex
CREATE INDEX "case_record_tableId_firstSessionAt_idx" ON "case_record"("tableId", "firstSessionAt");

-- CreateIndex
CREATE UNIQUE INDEX "case_person_caseId_position_key" ON "case_person"("caseId", "position");

-- CreateIndex
CREATE INDEX "case_organisation_organisationId_idx" ON "case_organisation"("organisationId");

-- AddForeignKey
ALTER TABLE "table_organisation" ADD CONSTRAINT "table_organisation_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "conference_table"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "table_organisation" ADD CONSTRAINT "table_organisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_referrerMemberId_fkey" FOREIGN KEY ("referrerMemberId") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_referrerOrganisationId_fkey" FOREIGN KEY ("referrerOrganisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_responsibleOrganisationId_fkey" FOREIGN KEY ("responsibleOrganisationId") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "conference_table"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_decidedByMemberId_fkey" FOREIGN KEY ("decidedByMemberId") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_person" ADD CONSTRAINT "case_person_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_organisation" ADD CONSTRAINT "case_organisation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_organisation" ADD CONSTRAINT "case_organisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
