-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('pending', 'retrying', 'sending', 'sent', 'failed', 'uncertain', 'dropped');

-- AlterTable
ALTER TABLE "member" ADD COLUMN     "messagesWaiting" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" UUID NOT NULL,
    "target" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" "OutboxState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "lastError" TEXT,
    "dedupeKey" TEXT,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_message_dedupeKey_key" ON "outbox_message"("dedupeKey");

-- CreateIndex
CREATE INDEX "outbox_message_state_nextAttemptAt_idx" ON "outbox_message"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "outbox_message_recipient_state_idx" ON "outbox_message"("recipient", "state");
