//===--- ContentIdentity.cpp - the bytes the fixes were computed against
//---===//
#include "ContentIdentity.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"

namespace pycapi::cli {

ContentId contentIdOf(llvm::StringRef Bytes) {
  ContentId Id;
  Id.Hash = llvm::xxHash64(Bytes);
  Id.Size = Bytes.size();
  return Id;
}

void recordContent(ContentIds &Into, const std::string &Path,
                   const ContentId &Id) {
  auto Inserted = Into.emplace(Path, Id);
  if (!Inserted.second && Inserted.first->second != Id)
    Inserted.first->second.Inconsistent = true;
}

namespace {

/// An open file whose contents, when read, are recorded.
class RecordingFile : public llvm::vfs::File {
public:
  RecordingFile(std::unique_ptr<llvm::vfs::File> Inner, std::string RealPath,
                ContentIds &Record)
      : Inner(std::move(Inner)), RealPath(std::move(RealPath)), Record(Record) {
  }
  ~RecordingFile() override { close(); }

  llvm::ErrorOr<llvm::vfs::Status> status() override { return Inner->status(); }
  llvm::ErrorOr<std::string> getName() override { return Inner->getName(); }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
  getBuffer(const llvm::Twine &Name, int64_t FileSize,
            bool RequiresNullTerminator, bool /*IsVolatile*/) override {
    // Volatile: read into memory. A mapped file would change under the
    // parser if someone wrote to it after it was hashed.
    auto Buffer =
        Inner->getBuffer(Name, FileSize, RequiresNullTerminator, true);
    if (Buffer)
      recordContent(Record, RealPath, contentIdOf((*Buffer)->getBuffer()));
    return Buffer;
  }
  std::error_code close() override { return Inner->close(); }

private:
  std::unique_ptr<llvm::vfs::File> Inner;
  std::string RealPath;
  ContentIds &Record;
};

class RecordingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  RecordingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                      ContentIds &Record,
                      std::function<bool(llvm::StringRef)> Keep)
      : ProxyFileSystem(FS), Underlying(std::move(FS)), Record(Record),
        Keep(std::move(Keep)) {}

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    auto File = Underlying->openFileForRead(Path);
    if (!File)
      return File;
    llvm::SmallString<256> Real;
    if (Underlying->getRealPath(Path, Real))
      return File; // not a file on disk: nothing --fix could write
    if (Keep && !Keep(Real))
      return File;
    return std::unique_ptr<llvm::vfs::File>(std::make_unique<RecordingFile>(
        std::move(*File), std::string(Real.str()), Record));
  }

private:
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Underlying;
  ContentIds &Record;
  std::function<bool(llvm::StringRef)> Keep;
};

} // namespace

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> makeRecordingFileSystem(
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Underlying,
    ContentIds &Record, std::function<bool(llvm::StringRef RealPath)> Keep) {
  return llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(
      new RecordingFileSystem(std::move(Underlying), Record, std::move(Keep)));
}

} // namespace pycapi::cli
