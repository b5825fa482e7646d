/*
 * rel-uselist-false-with-secondary: collections through association tables;
 * a single related object through a foreign key on the source.
 */
#include <modelgraph/annotations.h>

struct Playlist;

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, uselist=true,
	                                             backref=songs);
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
	int cover_id                 MG_FOREIGN_KEY(song.id, index=true);
	struct Song *cover           MG_RELATIONSHIP(Song, uselist=false, backref=covered);
} MG_MODEL();

struct PlaylistSong {
	int song_id                  MG_FOREIGN_KEY(song.id);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);

/* A one-to-many kept in a link table: each file is linked once (its key in
 * the table is unique), so its scalar folder loads one row at most. */
struct File;

struct Folder {
	int id                       MG_COLUMN(primary_key=true);
	struct File **files          MG_RELATIONSHIP(File, secondary=folder_files,
	                                             backref=backref_folder);
} MG_MODEL();

struct File {
	int id                       MG_COLUMN(primary_key=true);
	struct Folder *folder        MG_RELATIONSHIP(Folder, secondary=folder_files, uselist=false,
	                                             viewonly);
} MG_MODEL();

struct FolderFile {
	int folder_id                MG_FOREIGN_KEY(folder.id, index=true);
	int file_id                  MG_FOREIGN_KEY(file.id, primary_key=true);
} MG_TABLE(folder_files);
