-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "keptAt" DATETIME,
    CONSTRAINT "EvidenceFile_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EvidenceFile_conversationId_idx" ON "EvidenceFile"("conversationId");

-- CreateIndex
CREATE INDEX "EvidenceFile_createdAt_idx" ON "EvidenceFile"("createdAt");

