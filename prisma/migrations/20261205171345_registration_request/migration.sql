-- CreateTable
CREATE TABLE "registration_request" (
    "id" UUID NOT NULL,
    "aadObjectId" TEXT NOT NULL,
    "teamsName" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "handledAt" TIMESTAMPTZ(3),

    CONSTRAINT "registration_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "registration_request_aadObjectId_key" ON "registration_request"("aadObjectId");
